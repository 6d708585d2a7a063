// The Client contract over HTTPS: RemoteClient to the real soukd on the seeded store, as the
// admin's API key; and the certificate check a first connection meets (trust on first use).
#include <QTest>

#include "backend/client/RemoteClient.h"
#include "tests/contract/ContractSuite.h"

using namespace Qt::StringLiterals;

namespace souk::test {
namespace {

constexpr int FeedReadyMs = 10'000;

/// soukd on the seeded store, and a RemoteClient pinned to its certificate.
class RemoteHarness final : public ContractHarness
{
public:
    QString name() const override { return u"remote"_s; }

    RemoteClient::Options options(const QString& apiKey, const QString& fingerprint) const
    {
        RemoteClient::Options o;
        o.url = QUrl(u"https://127.0.0.1:%1"_s.arg(node().port()));
        o.fingerprint = fingerprint;
        o.apiKey = apiKey;
        return o;
    }

    Result<std::shared_ptr<RemoteClient>> connect(const QString& apiKey, const QString& fingerprint)
    {
        return settle(RemoteClient::connectTo(options(apiKey, fingerprint)));
    }

    bool start() override
    {
        if (!node().seed() || !node().start())
            return false;
        auto connected = connect(seed().adminKey, node().fingerprint());
        if (!connected) {
            qWarning().noquote() << "RemoteHarness: no connection:" << connected.error().toString();
            return false;
        }
        m_client = *connected;
        // the feed's first answer says where following starts; a change committed before it
        // would not be told (see the report on connectTo)
        return QTest::qWaitFor([this] { return m_client->feedSeq() >= 0; }, FeedReadyMs);
    }

    Client& client() override { return *m_client; }

    Result<std::shared_ptr<Client>> anonymousClient() override
    {
        auto connected = connect({}, node().fingerprint());
        if (!connected)
            return connected.error();
        return std::shared_ptr<Client>(*connected);
    }

    Result<std::shared_ptr<Client>> clientFor(const QString& apiKey) override
    {
        auto connected = connect(apiKey, node().fingerprint());
        if (!connected)
            return connected.error();
        return std::shared_ptr<Client>(*connected);
    }

private:
    std::shared_ptr<RemoteClient> m_client;
};

/// The contract, and what only a remote client meets: the node's certificate.
class TestContractRemote final : public ContractSuite
{
    Q_OBJECT
public:
    explicit TestContractRemote(RemoteHarness& harness) : ContractSuite(harness), m_remote(harness) {}

private slots:
    void unknownCertificateIsRefusedWithItsFingerprint();
    void wrongFingerprintIsRefused();

private:
    RemoteHarness& m_remote;
};

void TestContractRemote::unknownCertificateIsRefusedWithItsFingerprint()
{
    const auto refused = m_remote.connect(seed().adminKey, {});
    QCOMPARE_ERROR(refused, ErrorCode::Unauthenticated, u"certificate"_s);
    QCOMPARE(RemoteClient::certificateFingerprint(refused.error()), m_remote.node().fingerprint());
    // the fingerprint shown, once trusted, is the one that connects
    const auto trusted = m_remote.connect(seed().adminKey, RemoteClient::certificateFingerprint(refused.error()));
    QVERIFY_OK(trusted);
    QCOMPARE((*trusted)->principal().userName, u"ada"_s);
}

void TestContractRemote::wrongFingerprintIsRefused()
{
    QString wrong = m_remote.node().fingerprint();
    wrong.replace(0, 2, wrong.startsWith(u"00"_s) ? u"11"_s : u"00"_s);
    const auto refused = m_remote.connect(seed().adminKey, wrong);
    QCOMPARE_ERROR(refused, ErrorCode::Unauthenticated, u"certificate"_s);
    QCOMPARE(RemoteClient::certificateFingerprint(refused.error()), m_remote.node().fingerprint());
    const auto anonymous = m_remote.connect({}, wrong); // without a key too
    QCOMPARE_ERROR(anonymous, ErrorCode::Unauthenticated, u"certificate"_s);
}

} // namespace
} // namespace souk::test

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    souk::test::RemoteHarness harness;
    souk::test::TestContractRemote suite(harness);
    return QTest::qExec(&suite, argc, argv);
}

#include "TestContractRemote.moc"
