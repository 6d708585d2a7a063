#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "backend/api/node/NodeConfig.h"
#include "tests/support/TestSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::api;

class TestNodeConfig final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void defaults();
    void everyKey();
    void absentKeysKeepDefaults();
    void emptyFileAndComments();
    void relativePathsFollowTheFile();
    void aPostgresUrlIsKeptAsWritten();
    void unknownKey_data();
    void unknownKey();
    void badValueNamesKey_data();
    void badValueNamesKey();
    void badSyntax_data();
    void badSyntax();
    void missingOrHugeFile();
    void parseListen_data();
    void parseListen();
    void badListen_data();
    void badListen();

private:
    Result<NodeConfig> load(const QByteArray& text, const NodeConfig& defaults = {});
    QString iniPath() const { return m_dir->filePath(u"soukd.ini"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestNodeConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestNodeConfig::cleanup()
{
    m_dir.reset();
}

Result<NodeConfig> TestNodeConfig::load(const QByteArray& text, const NodeConfig& defaults)
{
    if (!test::writeFile(iniPath(), text))
        return Error::internal(u"cannot write the test file"_s);
    return NodeConfig::load(iniPath(), defaults);
}

void TestNodeConfig::defaults()
{
    const NodeConfig config;
    QCOMPARE(config.storePath, QString());
    QCOMPARE(config.listenHost, u"127.0.0.1"_s); // loopback until an operator opens it up
    QCOMPARE(config.listenPort, quint16(8443));
    QCOMPARE(config.certPath, QString());
    QCOMPARE(config.keyPath, QString());
    QCOMPARE(config.ioThreads, 1);
    QCOMPARE(config.storeWaitSeconds, 60); // a database failing over is back well within it
    QCOMPARE(config.maxHeaderBytes, 16384);
    QCOMPARE(config.maxBodyBytes, 1024 * 1024);
    QCOMPARE(config.maxImportBytes, 64 * 1024 * 1024);
    QCOMPARE(config.headerTimeoutMs, 10'000);
    QCOMPARE(config.idleTimeoutMs, 60'000);
    QCOMPARE(config.maxConnections, 20'000);
    QCOMPARE(config.perAddressRate, 50.0);
    QCOMPARE(config.perAddressBurst, 100.0);
    QCOMPARE(config.perPrincipalRate, 100.0);
    QCOMPARE(config.perPrincipalBurst, 200.0);
    QVERIFY(config.allow.isEmpty());
    QVERIFY(config.deny.isEmpty());
    QCOMPARE(config.feedRetentionHours, 168);
    QCOMPARE(config.logLevel, NodeConfig::LogLevel::Info);
}

void TestNodeConfig::everyKey()
{
    const auto config = load("\xEF\xBB\xBF" // a byte order mark, as some Windows editors write
                             "# soukd settings\r\n"
                             "[node]\r\n"
                             "store = /var/lib/souk/shop.souk\n"
                             "listen = [::]:9443\n"
                             "cert = /etc/souk/node.pem\n"
                             "key = \"/etc/souk/node key.pem\"\n"
                             "io_threads = 2\n"
                             "store_wait_seconds = 120\n"
                             "\n"
                             "[limits]\n"
                             "max_header_bytes = 8192\n"
                             "max_body_bytes = 2097152\n"
                             "max_import_bytes = 134217728\n"
                             "header_timeout_ms = 5000\n"
                             "idle_timeout_ms = 30000\n"
                             "max_connections = 5000\n"
                             "per_address_rate = 20.5\n"
                             "per_address_burst = 40\n"
                             "per_principal_rate = 10\n"
                             "per_principal_burst = 15\n"
                             "; firewall\n"
                             "[firewall]\n"
                             "allow = 10.0.0.0/8, 2001:db8::/32,192.0.2.7\n"
                             "deny = 10.66.0.0/16\n"
                             "[feed]\n"
                             "retention_hours = 24\n"
                             "stream_stall_ms = 5000\n"
                             "stream_idle_ms = 20000\n"
                             "stream_recheck_ms = 15000\n"
                             "[log]\n"
                             "level = debug\n");
    QVERIFY2(config.ok(), qPrintable(config ? QString() : config.error().toString()));
    QCOMPARE(config->storePath, u"/var/lib/souk/shop.souk"_s);
    QCOMPARE(config->listenHost, u"::"_s);
    QCOMPARE(config->listenPort, quint16(9443));
    QCOMPARE(config->certPath, u"/etc/souk/node.pem"_s);
    QCOMPARE(config->keyPath, u"/etc/souk/node key.pem"_s);
    QCOMPARE(config->ioThreads, 2);
    QCOMPARE(config->storeWaitSeconds, 120);
    QCOMPARE(config->maxHeaderBytes, 8192);
    QCOMPARE(config->maxBodyBytes, 2097152);
    QCOMPARE(config->maxImportBytes, 134217728);
    QCOMPARE(config->headerTimeoutMs, 5000);
    QCOMPARE(config->idleTimeoutMs, 30000);
    QCOMPARE(config->maxConnections, 5000);
    QCOMPARE(config->perAddressRate, 20.5);
    QCOMPARE(config->perAddressBurst, 40.0);
    QCOMPARE(config->perPrincipalRate, 10.0);
    QCOMPARE(config->perPrincipalBurst, 15.0);
    QCOMPARE(config->allow, (QStringList{u"10.0.0.0/8"_s, u"2001:db8::/32"_s, u"192.0.2.7"_s}));
    QCOMPARE(config->deny, QStringList{u"10.66.0.0/16"_s});
    QCOMPARE(config->feedRetentionHours, 24);
    QCOMPARE(config->streamStallMs, 5000);
    QCOMPARE(config->streamIdleMs, 20000);
    QCOMPARE(config->streamRecheckMs, 15000);
    QCOMPARE(config->logLevel, NodeConfig::LogLevel::Debug);
}

void TestNodeConfig::absentKeysKeepDefaults()
{
    NodeConfig defaults;
    defaults.storePath = u"/srv/default.souk"_s;
    defaults.maxConnections = 77;
    defaults.deny = {u"192.0.2.0/24"_s};
    const auto config = load("[limits]\nmax_body_bytes = 4096\n[firewall]\nallow =\n", defaults);
    QVERIFY(config);
    NodeConfig expected = defaults;
    expected.maxBodyBytes = 4096;
    QVERIFY(*config == expected); // everything else as given, and "allow =" is an empty list
}

void TestNodeConfig::emptyFileAndComments()
{
    const auto empty = load("");
    QVERIFY(empty);
    QVERIFY(*empty == NodeConfig());
    const auto comments = load("# nothing yet\n; still nothing\n\n[node]\n   \n");
    QVERIFY(comments);
    QVERIFY(*comments == NodeConfig());
}

void TestNodeConfig::relativePathsFollowTheFile()
{
    // a service's working directory is "/" or anything else; the file's folder is what its author meant
    const auto config = load("[node]\nstore = data/shop.souk\ncert = ./tls/../tls/cert.pem\nkey = /abs/key.pem\n");
    QVERIFY(config);
    QCOMPARE(config->storePath, QDir(m_dir->path()).filePath(u"data/shop.souk"_s));
    QCOMPARE(config->certPath, QDir(m_dir->path()).filePath(u"tls/cert.pem"_s));
    QCOMPARE(config->keyPath, u"/abs/key.pem"_s);
}

void TestNodeConfig::aPostgresUrlIsKeptAsWritten()
{
    // a cluster's URL: several hosts, a query with '=' and '&'; not a path beside the file
    const QString url = u"postgres://souk@pg1.example.net:5432,pg2.example.net:5432/souk?"
                        "target_session_attrs=read-write&sslmode=require"_s;
    const auto config = load("[node]\nstore = " + url.toUtf8() + "\n");
    QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
    QCOMPARE(config->storePath, url);
}

void TestNodeConfig::unknownKey_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("field");
    QTest::addRow("typo in a key") << QByteArray("[limits]\nmax_bodybytes = 10\n") << u"limits/max_bodybytes"_s;
    QTest::addRow("key in the wrong section")
        << QByteArray("[node]\nmax_body_bytes = 2048\n") << u"node/max_body_bytes"_s;
    QTest::addRow("unknown section") << QByteArray("[tls]\nciphers = ALL\n") << u"tls/ciphers"_s;
    QTest::addRow("upper-case key") << QByteArray("[node]\nStore = x\n") << u"line 2"_s;
    QTest::addRow("later line") << QByteArray("[node]\nstore = x\n\n[log]\nlevel = info\nformat = json\n")
                                << u"log/format"_s;
}

void TestNodeConfig::unknownKey()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, field);
    const auto config = load(text);
    QVERIFY(!config);
    QCOMPARE(config.error().code, ErrorCode::Invalid);
    QCOMPARE(config.error().field, field);
}

void TestNodeConfig::badValueNamesKey_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message"); // part of the message: the range or what was expected
    const auto row = [](const char* name, const QString& section, const QString& key, const QString& value,
                        const QString& message) { QTest::addRow("%s", name) << section << key << value << message; };
    row("header below range", u"limits"_s, u"max_header_bytes"_s, u"1023"_s, u"1024..1048576"_s);
    row("header above range", u"limits"_s, u"max_header_bytes"_s, u"1048577"_s, u"1024..1048576"_s);
    row("body zero", u"limits"_s, u"max_body_bytes"_s, u"0"_s, u"1024..67108864"_s);
    row("body negative", u"limits"_s, u"max_body_bytes"_s, u"-5"_s, u"1024..67108864"_s);
    row("body with unit", u"limits"_s, u"max_body_bytes"_s, u"1MiB"_s, u"whole number"_s);
    row("body with sign", u"limits"_s, u"max_body_bytes"_s, u"+2048"_s, u"whole number"_s);
    row("body fractional", u"limits"_s, u"max_body_bytes"_s, u"2048.5"_s, u"whole number"_s);
    row("body hex", u"limits"_s, u"max_body_bytes"_s, u"0x800"_s, u"whole number"_s);
    row("body overflowing", u"limits"_s, u"max_body_bytes"_s, u"99999999999999999999999"_s, u"whole number"_s);
    row("body empty", u"limits"_s, u"max_body_bytes"_s, QString(), u"whole number"_s);
    row("import too big", u"limits"_s, u"max_import_bytes"_s, u"4294967297"_s, u"1024..4294967296"_s);
    row("import below body", u"limits"_s, u"max_import_bytes"_s, u"4096"_s, u"at least max_body_bytes"_s);
    row("header timeout zero", u"limits"_s, u"header_timeout_ms"_s, u"0"_s, u"100..600000"_s);
    row("idle timeout too long", u"limits"_s, u"idle_timeout_ms"_s, u"86400001"_s, u"1000..86400000"_s);
    row("connections zero", u"limits"_s, u"max_connections"_s, u"0"_s, u"1..1000000"_s);
    row("rate zero", u"limits"_s, u"per_address_rate"_s, u"0"_s, u"0.01..1e+06"_s);
    row("rate not a number", u"limits"_s, u"per_address_rate"_s, u"fast"_s, u"number"_s);
    row("rate infinite", u"limits"_s, u"per_address_rate"_s, u"inf"_s, u"number"_s);
    row("rate nan", u"limits"_s, u"per_principal_rate"_s, u"nan"_s, u"number"_s);
    row("burst below one", u"limits"_s, u"per_address_burst"_s, u"0.5"_s, u"1..1e+07"_s);
    row("principal burst", u"limits"_s, u"per_principal_burst"_s, u"-1"_s, u"1..1e+07"_s);
    row("io threads zero", u"node"_s, u"io_threads"_s, u"0"_s, u"1..64"_s);
    row("io threads many", u"node"_s, u"io_threads"_s, u"65"_s, u"1..64"_s);
    row("store wait negative", u"node"_s, u"store_wait_seconds"_s, u"-1"_s, u"0..3600"_s);
    row("store wait an hour and more", u"node"_s, u"store_wait_seconds"_s, u"3601"_s, u"0..3600"_s);
    row("retention zero", u"feed"_s, u"retention_hours"_s, u"0"_s, u"1..87600"_s);
    row("stream stall too short", u"feed"_s, u"stream_stall_ms"_s, u"10"_s, u"1000..600000"_s);
    row("stream idle not a number", u"feed"_s, u"stream_idle_ms"_s, u"soon"_s, u"2000..3600000"_s);
    row("log level", u"log"_s, u"level"_s, u"verbose"_s, u"debug, info, warning or error"_s);
    row("log level case", u"log"_s, u"level"_s, u"INFO"_s, u"debug, info, warning or error"_s);
    row("store empty", u"node"_s, u"store"_s, QString(), u"must name a file"_s);
    row("cert empty", u"node"_s, u"cert"_s, u"\"\""_s, u"must name a file"_s);
    row("listen without port", u"node"_s, u"listen"_s, u"127.0.0.1"_s, u"HOST:PORT"_s);
    row("listen port zero", u"node"_s, u"listen"_s, u"127.0.0.1:0"_s, u"1..65535"_s);
    row("allow bad entry", u"firewall"_s, u"allow"_s, u"10.0.0.0/8, 10.0.0.0/33"_s, u"10.0.0.0/33"_s);
    row("deny bad entry", u"firewall"_s, u"deny"_s, u"example.com"_s, u"example.com"_s);
}

void TestNodeConfig::badValueNamesKey()
{
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const QString text = u"[%1]\n%2 = %3\n"_s.arg(section, key, value);
    const auto config = load(text.toUtf8());
    QVERIFY(!config);
    QCOMPARE(config.error().code, ErrorCode::Invalid);
    QCOMPARE(config.error().field, section + u'/' + key);
    QVERIFY2(config.error().message.contains(message), qPrintable(config.error().message));
}

void TestNodeConfig::badSyntax_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("field");
    QTest::addRow("key before a section") << QByteArray("store = x\n[node]\n") << u"line 1"_s;
    QTest::addRow("no equals sign") << QByteArray("[node]\nstore /var/x\n") << u"line 2"_s;
    QTest::addRow("unclosed section") << QByteArray("\n[node\nstore = x\n") << u"line 2"_s;
    QTest::addRow("empty section") << QByteArray("[]\n") << u"line 1"_s;
    QTest::addRow("empty key") << QByteArray("[node]\n= x\n") << u"line 2"_s;
    QTest::addRow("repeated key") << QByteArray("[node]\nstore = a\n[limits]\n[node]\nstore = b\n") << u"node/store"_s;
    QTest::addRow("not UTF-8") << QByteArray("[node]\nstore = \xff\xfe\n") << u"config"_s;
}

void TestNodeConfig::badSyntax()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, field);
    const auto config = load(text);
    QVERIFY(!config);
    QCOMPARE(config.error().field, field);
}

void TestNodeConfig::missingOrHugeFile()
{
    const auto missing = NodeConfig::load(m_dir->filePath(u"absent.ini"_s), NodeConfig());
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(missing.error().field, u"config"_s);
    QVERIFY(missing.error().message.contains(u"absent.ini"_s));

    const auto huge = load("# " + QByteArray(2 * 1024 * 1024, 'x') + "\n");
    QVERIFY(!huge);
    QCOMPARE(huge.error().field, u"config"_s);
}

void TestNodeConfig::parseListen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addRow("loopback") << u"127.0.0.1:8443"_s << u"127.0.0.1"_s << 8443;
    QTest::addRow("every v4 interface") << u"0.0.0.0:443"_s << u"0.0.0.0"_s << 443;
    QTest::addRow("v6 loopback") << u"[::1]:8443"_s << u"::1"_s << 8443;
    QTest::addRow("every v6 interface") << u"[::]:1"_s << u"::"_s << 1;
    QTest::addRow("full v6") << u"[2001:db8::17]:65535"_s << u"2001:db8::17"_s << 65535;
    QTest::addRow("link-local with scope") << u"[fe80::1%eth0]:8443"_s << u"fe80::1%eth0"_s << 8443;
    QTest::addRow("host name") << u"localhost:80"_s << u"localhost"_s << 80;
    QTest::addRow("dotted host name") << u"node-1.shop.example:8443"_s << u"node-1.shop.example"_s << 8443;
}

void TestNodeConfig::parseListen()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    const auto listen = NodeConfig::parseListen(text);
    QVERIFY2(listen.ok(), qPrintable(listen ? QString() : listen.error().toString()));
    QCOMPARE(listen->first, host);
    QCOMPARE(int(listen->second), port);
}

void TestNodeConfig::badListen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("empty") << QString();
    QTest::addRow("no port") << u"127.0.0.1"_s;
    QTest::addRow("empty port") << u"127.0.0.1:"_s;
    QTest::addRow("port zero") << u"127.0.0.1:0"_s;
    QTest::addRow("port too big") << u"127.0.0.1:65536"_s;
    QTest::addRow("port far too big") << u"127.0.0.1:99999999999"_s;
    QTest::addRow("negative port") << u"127.0.0.1:-1"_s;
    QTest::addRow("signed port") << u"127.0.0.1:+80"_s;
    QTest::addRow("blank in port") << u"127.0.0.1: 80"_s;
    QTest::addRow("named port") << u"127.0.0.1:https"_s;
    QTest::addRow("no host") << u":8443"_s;
    QTest::addRow("star host") << u"*:8443"_s;
    QTest::addRow("bare v6") << u"::1:8443"_s;
    QTest::addRow("v6 without port") << u"[::1]"_s;
    QTest::addRow("v6 unclosed") << u"[::1:8443"_s;
    QTest::addRow("v6 no colon") << u"[::1]8443"_s;
    QTest::addRow("v4 in brackets") << u"[127.0.0.1]:80"_s;
    QTest::addRow("name in brackets") << u"[localhost]:80"_s;
    QTest::addRow("octet above 255") << u"256.1.1.1:80"_s;
    QTest::addRow("short v4") << u"127.1:80"_s;
    QTest::addRow("blank in name") << u"ex ample:80"_s;
    QTest::addRow("scheme") << u"https://localhost:8443"_s;
}

void TestNodeConfig::badListen()
{
    QFETCH(QString, text);
    const auto listen = NodeConfig::parseListen(text);
    QVERIFY(!listen);
    QCOMPARE(listen.error().code, ErrorCode::Invalid);
    QCOMPARE(listen.error().field, u"listen"_s);
}

QTEST_GUILESS_MAIN(TestNodeConfig)
#include "TestNodeConfig.moc"
