#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <memory>

#include "tests/api/NodeFixture.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

/// The real soukctl with --url against the real soukd on a seeded store: what a script sees
/// (exit codes, stdout, stderr). Reads print byte for byte what the same command prints on the
/// store file; a write over the node is what the store holds afterwards; every refusal names
/// what to change (the key, --trust with the node's fingerprint, the store file).
class TestSoukctlRemote final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void helpDocumentsUrl();
    void readsMatchTheStore_data();
    void readsMatchTheStore();
    void keyDecidesWhatIsSeen();
    void caFileTrustsTheNode();
    void unknownCertificateShowsItsFingerprint();
    void missingTrustShowsTheFingerprint();
    void badKeyIsRefused_data();
    void badKeyIsRefused();
    void missingKeyNamesTheVariable();
    void usageErrors_data();
    void usageErrors();
    void storeOnlyCommandsAreRefused_data();
    void storeOnlyCommandsAreRefused();
    void nodeDownIsAStoreError();
    void silentNodeTimesOut();
    void importOverTheNodeIsInTheStore(); // last: stops the node

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    /// soukctl with `args`, SOUK_API_KEY set to `key` (absent when null), SOUK_STORE unset.
    Run soukctl(const QStringList& args, const QString& key);
    Run onNode(const QStringList& args) { return soukctl(nodeArgs() + args, m_node->seeded().adminKey); }
    Run onStore(const QStringList& args) { return soukctl(QStringList{u"--store"_s, m_node->storePath()} + args, {}); }
    QStringList nodeArgs() const { return {u"--url"_s, url(), u"--trust"_s, m_node->fingerprint()}; }
    QString url() const { return u"https://127.0.0.1:%1"_s.arg(m_node->port()); }
    static QString described(const Run& r)
    {
        return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(r.code).arg(r.out.left(2000), r.err.left(2000));
    }

    std::unique_ptr<NodeFixture> m_node;
    QMap<QString, Run> m_local; ///< the reads on the store file, before the node took it
};

namespace {

/// The reads compared, by row name; "ORDER" stands for the paid order's id.
const QList<std::pair<const char*, QStringList>> Reads = {
    {"orders list", {u"orders"_s, u"list"_s}},
    {"orders list --json", {u"orders"_s, u"list"_s, u"--json"_s}},
    {"orders list --all", {u"orders"_s, u"list"_s, u"--all"_s}},
    {"orders show", {u"orders"_s, u"show"_s, u"ORDER"_s}},
    {"orders show --json", {u"orders"_s, u"show"_s, u"ORDER"_s, u"--json"_s}},
    {"catalog list", {u"catalog"_s, u"list"_s}},
    {"catalog list --json", {u"catalog"_s, u"list"_s, u"--json"_s}},
    {"catalog export", {u"catalog"_s, u"export"_s, u"--format"_s, u"souk"_s}},
    {"ledger balances", {u"ledger"_s, u"balances"_s}},
    {"ledger balances --json", {u"ledger"_s, u"balances"_s, u"--json"_s}},
    {"users list", {u"users"_s, u"list"_s}},
    {"merchant B's orders", {u"orders"_s, u"list"_s, u"--merchant"_s, u"MERCHANT_B"_s}},
};

const QByteArray ImportCsv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"
                             "tee,\"T-shirt, organic\",Size,S,TEE-S,10.00,5\n"
                             "tee,,Size,M,TEE-M,10.50,6\n"
                             "earbuds,无线蓝牙耳机,,,BT-1,199.00,3\n";

} // namespace

TestSoukctlRemote::Run TestSoukctlRemote::soukctl(const QStringList& args, const QString& key)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"SOUK_STORE"_s);
    env.remove(u"SOUK_API_KEY"_s);
    if (!key.isNull())
        env.insert(u"SOUK_API_KEY"_s, key);
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("SOUK_TEST_SOUKCTL"), args);
    if (!p.waitForFinished(60'000))
        return {-1, {}, u"did not finish: "_s + p.errorString()};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestSoukctlRemote::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    for (const auto& [name, args] : Reads) {
        QStringList concrete = args;
        concrete.replaceInStrings(u"ORDER"_s, m_node->seeded().paidOrderA.toString());
        concrete.replaceInStrings(u"MERCHANT_B"_s, m_node->seeded().merchantB.toString());
        const Run local = onStore(concrete);
        QVERIFY2(local.code == 0 && !local.out.isEmpty(), qPrintable(described(local)));
        m_local.insert(QString::fromLatin1(name), local);
    }
    QVERIFY(m_node->start());
}

void TestSoukctlRemote::cleanupTestCase()
{
    if (m_node && m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    m_node.reset();
}

void TestSoukctlRemote::helpDocumentsUrl()
{
    const Run help = soukctl({u"--help"_s}, {});
    QCOMPARE(help.code, 0);
    for (const QString& word : {u"--url URL"_s, u"--trust SHA256|CAFILE"_s, u"SOUK_API_KEY"_s, u"--timeout"_s})
        QVERIFY2(help.out.contains(word), qPrintable(word));
}

void TestSoukctlRemote::readsMatchTheStore_data()
{
    QTest::addColumn<QStringList>("args");
    for (const auto& [name, args] : Reads)
        QTest::newRow(name) << args;
}

void TestSoukctlRemote::readsMatchTheStore()
{
    QFETCH(QStringList, args);
    args.replaceInStrings(u"ORDER"_s, m_node->seeded().paidOrderA.toString());
    args.replaceInStrings(u"MERCHANT_B"_s, m_node->seeded().merchantB.toString());
    const Run remote = onNode(args);
    const Run& local = m_local.value(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY2(remote.code == 0, qPrintable(described(remote)));
    QCOMPARE(remote.out, local.out);
    QCOMPARE(remote.err, local.err);
}

void TestSoukctlRemote::keyDecidesWhatIsSeen()
{
    // the owner of merchant B sees its own merchant first, and merchant A not at all
    const Run own = soukctl(nodeArgs() + QStringList{u"orders"_s, u"list"_s}, m_node->seeded().ownerBKey);
    QVERIFY2(own.code == 0, qPrintable(described(own)));
    QVERIFY2(own.out.contains(m_node->seeded().orderB.toString()), qPrintable(own.out));
    QVERIFY2(!own.out.contains(m_node->seeded().orderA.toString()), qPrintable(own.out));
    const Run other = soukctl(
        nodeArgs() + QStringList{u"orders"_s, u"list"_s, u"--merchant"_s, m_node->seeded().merchantA.toString()},
        m_node->seeded().ownerBKey);
    QVERIFY2(other.code == 1 && other.out.isEmpty(), qPrintable(described(other)));
    QVERIFY2(other.err.contains(u"[--merchant]"_s), qPrintable(other.err));
    // staff manage no people: the node's refusal, with soukctl's exit code for it
    const Run add = soukctl(nodeArgs() + QStringList{u"users"_s, u"add"_s, u"zed"_s, u"--role"_s, u"staff"_s},
                            m_node->seeded().staffAKey);
    QVERIFY2(add.code == 1 && add.err.contains(u"forbidden"_s), qPrintable(described(add)));
}

void TestSoukctlRemote::caFileTrustsTheNode()
{
    // soukd's self-signed certificate, beside the store, is its own CA
    const QString pem = m_node->storePath() + u".cert.pem"_s;
    QVERIFY(QFile::exists(pem));
    const Run r =
        soukctl({u"--url"_s, url(), u"--trust"_s, pem, u"ledger"_s, u"balances"_s}, m_node->seeded().adminKey);
    QVERIFY2(r.code == 0, qPrintable(described(r)));
    QCOMPARE(r.out, m_local.value(u"ledger balances"_s).out);
}

void TestSoukctlRemote::unknownCertificateShowsItsFingerprint()
{
    const QString wrong = QStringList(32, u"AB"_s).join(u':');
    const QString other = m_node->fingerprint().toLower().remove(u':'); // 64 hex digits, any case, also pin
    const Run good =
        soukctl({u"--url"_s, url(), u"--trust"_s, other, u"users"_s, u"list"_s}, m_node->seeded().adminKey);
    QVERIFY2(good.code == 0, qPrintable(described(good)));
    const Run r = soukctl({u"--url"_s, url(), u"--trust"_s, wrong, u"orders"_s, u"list"_s}, m_node->seeded().adminKey);
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"--trust "_s + m_node->fingerprint()), qPrintable(r.err));
    QVERIFY2(!r.err.contains(wrong), qPrintable(r.err));
}

void TestSoukctlRemote::missingTrustShowsTheFingerprint()
{
    const Run r = soukctl({u"--url"_s, url(), u"orders"_s, u"list"_s}, m_node->seeded().adminKey);
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"--trust "_s + m_node->fingerprint()), qPrintable(r.err));
}

void TestSoukctlRemote::badKeyIsRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::addRow("made up") << u"sk_0000000000000000000000000000000000000000"_s;
    QTest::addRow("revoked") << m_node->seeded().revokedKey;
    QTest::addRow("not a key") << u"hello"_s;
}

void TestSoukctlRemote::badKeyIsRefused()
{
    QFETCH(QString, key);
    const Run r = soukctl(nodeArgs() + QStringList{u"orders"_s, u"list"_s}, key);
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"unauthenticated [SOUK_API_KEY]"_s), qPrintable(r.err));
    QVERIFY2(!r.err.contains(key), qPrintable(r.err)); // a secret is never echoed
}

void TestSoukctlRemote::missingKeyNamesTheVariable()
{
    for (const QString& key : {QString(), u""_s, u"  "_s}) {
        const Run r = soukctl(nodeArgs() + QStringList{u"orders"_s, u"list"_s}, key);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(u"SOUK_API_KEY"_s), qPrintable(r.err));
    }
}

void TestSoukctlRemote::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    const QString store = u"shop.souk"_s;
    QTest::addRow("--url with --store") << QStringList{u"--url"_s,   u"https://127.0.0.1:1"_s,
                                                       u"--store"_s, store,
                                                       u"orders"_s,  u"list"_s}
                                        << u"--store"_s;
    QTest::addRow("http") << QStringList{u"--url"_s, u"http://127.0.0.1:1"_s, u"orders"_s, u"list"_s} << u"--url"_s;
    QTest::addRow("no host") << QStringList{u"--url"_s, u"https://"_s, u"orders"_s, u"list"_s} << u"--url"_s;
    QTest::addRow("--trust alone") << QStringList{u"--store"_s, store, u"--trust"_s, u"AB"_s, u"orders"_s, u"list"_s}
                                   << u"--trust"_s;
    QTest::addRow("--timeout alone") << QStringList{u"--timeout"_s, u"5"_s, u"orders"_s, u"list"_s} << u"--timeout"_s;
    QTest::addRow("--trust not a fingerprint")
        << QStringList{u"--url"_s, u"https://127.0.0.1:1"_s, u"--trust"_s, u"AB:CD"_s, u"orders"_s, u"list"_s}
        << u"--trust"_s;
    QTest::addRow("--timeout zero") << QStringList{u"--url"_s,     u"https://127.0.0.1:1"_s,
                                                   u"--timeout"_s, u"0"_s,
                                                   u"orders"_s,    u"list"_s}
                                    << u"--timeout"_s;
}

void TestSoukctlRemote::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    const Run r = soukctl(args, m_node->seeded().adminKey);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith(u"soukctl: "_s) && r.err.contains(named), qPrintable(r.err));
    QVERIFY2(!QFile::exists(u"shop.souk"_s), "a refused command made a store");
}

void TestSoukctlRemote::storeOnlyCommandsAreRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addRow("check") << QStringList{u"check"_s};
    QTest::addRow("backup") << QStringList{u"backup"_s, u"copy.souk"_s};
    QTest::addRow("maintain") << QStringList{u"maintain"_s};
    QTest::addRow("outbox") << QStringList{u"outbox"_s, u"list"_s};
    QTest::addRow("simulate") << QStringList{u"simulate"_s, u"--orders"_s, u"1"_s};
}

void TestSoukctlRemote::storeOnlyCommandsAreRefused()
{
    QFETCH(QStringList, args);
    const Run r = soukctl(nodeArgs() + args, m_node->seeded().adminKey);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    const QString expected = u"soukctl: soukctl %1 works on a store file; "_s.arg(args.first());
    QVERIFY2(r.err.startsWith(expected), qPrintable(r.err));
    QVERIFY(!QFile::exists(u"copy.souk"_s));
}

void TestSoukctlRemote::nodeDownIsAStoreError()
{
    QTcpServer probe; // a port nobody listens on
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const Run r = soukctl(
        {u"--url"_s, u"https://127.0.0.1:%1"_s.arg(port), u"--trust"_s, m_node->fingerprint(), u"orders"_s, u"list"_s},
        m_node->seeded().adminKey);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(u"unavailable [--url]: https://127.0.0.1:%1"_s.arg(port)), qPrintable(r.err));
}

void TestSoukctlRemote::silentNodeTimesOut()
{
    // listens, and never says a word: the kernel takes the connection, TLS never starts
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QElapsedTimer took;
    took.start();
    const Run r = soukctl({u"--url"_s, u"https://127.0.0.1:%1"_s.arg(silent.serverPort()), u"--trust"_s,
                           m_node->fingerprint(), u"--timeout"_s, u"1"_s, u"orders"_s, u"list"_s},
                          m_node->seeded().adminKey);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(u"within 1 s"_s) && r.err.contains(u"--timeout"_s), qPrintable(r.err));
    QVERIFY2(took.elapsed() < 15'000, qPrintable(u"took %1 ms"_s.arg(took.elapsed())));
}

void TestSoukctlRemote::importOverTheNodeIsInTheStore()
{
    const QString csv = QFileInfo(m_node->storePath()).absolutePath() + u"/in.csv"_s;
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(ImportCsv) == ImportCsv.size());
    file.close();
    const QStringList import = {u"catalog"_s, u"import"_s, u"--format"_s, u"shopify"_s, csv};
    const Run imported = onNode(import);
    QVERIFY2(imported.code == 0 &&
                 imported.out.startsWith(u"imported 3 rows: 2 products created, 0 updated, 3 variants"_s),
             qPrintable(described(imported)));
    const Run again = onNode(import); // the same file twice changes nothing, as on a store
    QVERIFY2(again.code == 0, qPrintable(described(again)));
    QCOMPARE(again.out, u"nothing to change: 2 products already match\n"_s);
    // a bad row over the node: the same report, nothing written
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("Handle,Title,Variant SKU,Variant Price\nx,X,X-1,abc\n") > 0);
    file.close();
    const Run bad = onNode(import);
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(u"in.csv:2: Variant Price:"_s), qPrintable(bad.err));
    QVERIFY2(bad.err.contains(u"nothing was imported"_s), qPrintable(bad.err));

    const Run remoteList = onNode({u"catalog"_s, u"list"_s, u"--json"_s});
    QVERIFY2(remoteList.code == 0, qPrintable(described(remoteList)));
    const QJsonArray rows = QJsonDocument::fromJson(remoteList.out.toUtf8()).array();
    QCOMPARE(rows.size(),
             QJsonDocument::fromJson(m_local.value(u"catalog list --json"_s).out.toUtf8()).array().size() + 2);
    QVERIFY(remoteList.out.contains(u"无线蓝牙耳机"_s));

    QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    const Run localList = onStore({u"catalog"_s, u"list"_s, u"--json"_s});
    QVERIFY2(localList.code == 0, qPrintable(described(localList)));
    QCOMPARE(localList.out, remoteList.out);
    // the audit log says who did it: the key's user, over the API
    const Run audit = onStore({u"audit"_s, u"list"_s, u"--user"_s, u"ada"_s, u"--json"_s});
    QVERIFY2(audit.code == 0, qPrintable(described(audit)));
    QVERIFY2(audit.out.contains(u"import"_s), qPrintable(audit.out));
}

QTEST_GUILESS_MAIN(TestSoukctlRemote)
#include "TestSoukctlRemote.moc"
