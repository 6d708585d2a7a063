// The Client contract in process: LocalClient on the seeded store, as the admin's API key.
#include <QTest>

#include "backend/client/LocalClient.h"
#include "backend/engine/SignIn.h"
#include "tests/contract/ContractSuite.h"

using namespace Qt::StringLiterals;

namespace souk::test {
namespace {

/// The seeded store opened in process, acting as the principal the engine makes of the
/// admin's API key: the one soukd makes of it for every request of the remote variant.
class LocalHarness final : public ContractHarness
{
public:
    QString name() const override { return u"local"_s; }

    bool start() override
    {
        if (!node().seed())
            return false;
        LocalClient::Options options;
        options.store.path = node().storePath();
        options.maintenanceIntervalMs = 0;        // maintenanceRuns runs it when it means to
        auto nobody = LocalClient::open(options); // a store with users opens as nobody
        if (!nobody) {
            qWarning().noquote() << "LocalHarness: the store did not open:" << nobody.error().toString();
            return false;
        }
        const auto admin = settle((*nobody)->signInService().authenticate(seed().adminKey, u"local"_s));
        nobody->reset(); // the store takes one client at a time
        if (!admin) {
            qWarning().noquote() << "LocalHarness: the admin's key did not authenticate:" << admin.error().toString();
            return false;
        }
        options.principal = *admin;
        auto opened = LocalClient::open(options);
        if (!opened) {
            qWarning().noquote() << "LocalHarness: the store did not open again:" << opened.error().toString();
            return false;
        }
        m_client = std::move(*opened);
        return true;
    }

    Client& client() override { return *m_client; }

    Result<std::shared_ptr<Client>> anonymousClient() override
    {
        return std::shared_ptr<Client>(m_client->actingAs(auth::Principal::nobody()));
    }

    Result<std::shared_ptr<Client>> clientFor(const QString& apiKey) override
    {
        const auto principal = settle(m_client->signInService().authenticate(apiKey, u"local"_s));
        if (!principal)
            return principal.error();
        return std::shared_ptr<Client>(m_client->actingAs(*principal));
    }

private:
    std::unique_ptr<LocalClient> m_client;
};

} // namespace
} // namespace souk::test

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    souk::test::LocalHarness harness;
    souk::test::ContractSuite suite(harness);
    return QTest::qExec(&suite, argc, argv);
}
