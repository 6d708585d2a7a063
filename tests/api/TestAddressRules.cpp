#include <QHostAddress>
#include <QTest>

#include "backend/api/node/AddressRules.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::api;

class TestAddressRules final : public QObject
{
    Q_OBJECT

private slots:
    void admits_data();
    void admits();
    void badEntries_data();
    void badEntries();
    void nullAddressIsRefused();
    void entriesAreKept();
};

void TestAddressRules::admits_data()
{
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QStringList>("deny");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("admitted");
    const QStringList none;
    const QStringList office{u"10.0.0.0/8"_s, u"2001:db8::/32"_s};

    QTest::addRow("no rules: everyone") << none << none << u"203.0.113.9"_s << true;
    QTest::addRow("no rules: IPv6 too") << none << none << u"2001:db8::1"_s << true;
    QTest::addRow("v4 subnet, inside") << office << none << u"10.200.3.4"_s << true;
    QTest::addRow("v4 subnet, outside") << office << none << u"11.0.0.1"_s << false;
    QTest::addRow("v6 subnet, inside") << office << none << u"2001:db8:ffff::1"_s << true;
    QTest::addRow("v6 subnet, outside") << office << none << u"2001:db9::1"_s << false;
    QTest::addRow("single v4 address") << QStringList{u"192.0.2.7"_s} << none << u"192.0.2.7"_s << true;
    QTest::addRow("single v4, neighbour") << QStringList{u"192.0.2.7"_s} << none << u"192.0.2.8"_s << false;
    QTest::addRow("single v6 address") << QStringList{u"::1"_s} << none << u"::1"_s << true;
    QTest::addRow("v6 loopback is not v4's") << QStringList{u"127.0.0.1"_s} << none << u"::1"_s << false;
    QTest::addRow("/32 is one host") << QStringList{u"192.0.2.7/32"_s} << none << u"192.0.2.7"_s << true;
    QTest::addRow("/0 is all v4") << QStringList{u"0.0.0.0/0"_s} << none << u"198.51.100.1"_s << true;
    QTest::addRow("/0 v4 is no v6") << QStringList{u"0.0.0.0/0"_s} << none << u"2001:db8::1"_s << false;
    QTest::addRow("surrounding blanks") << QStringList{u" 10.0.0.0/8 "_s} << none << u"10.1.1.1"_s << true;

    // dual-stack sockets report IPv4 clients as ::ffff:a.b.c.d
    QTest::addRow("mapped client, v4 rule") << office << none << u"::ffff:10.9.8.7"_s << true;
    QTest::addRow("mapped client, outside") << office << none << u"::ffff:11.9.8.7"_s << false;
    QTest::addRow("mapped rule, v4 client") << QStringList{u"::ffff:10.0.0.0/104"_s} << none << u"10.1.2.3"_s << true;
    QTest::addRow("mapped single rule") << QStringList{u"::ffff:192.0.2.7"_s} << none << u"192.0.2.7"_s << true;
    QTest::addRow("mapped client denied") << none << QStringList{u"10.0.0.0/8"_s} << u"::ffff:10.0.0.1"_s << false;
    QTest::addRow(":: is not 0.0.0.0") << QStringList{u"0.0.0.0/32"_s} << none << u"::"_s << false;

    QTest::addRow("deny only") << none << QStringList{u"203.0.113.0/24"_s} << u"203.0.113.5"_s << false;
    QTest::addRow("deny only, others pass") << none << QStringList{u"203.0.113.0/24"_s} << u"203.0.114.5"_s << true;
    QTest::addRow("deny wins over allow") << office << QStringList{u"10.66.0.0/16"_s} << u"10.66.1.1"_s << false;
    QTest::addRow("allow beside deny") << office << QStringList{u"10.66.0.0/16"_s} << u"10.67.1.1"_s << true;
    QTest::addRow("deny wins, same entry") << QStringList{u"::1"_s} << QStringList{u"::1"_s} << u"::1"_s << false;
    QTest::addRow("v6 deny, v6 client") << none << QStringList{u"2001:db8::/32"_s} << u"2001:db8::5"_s << false;
}

void TestAddressRules::admits()
{
    QFETCH(QStringList, allow);
    QFETCH(QStringList, deny);
    QFETCH(QString, address);
    QFETCH(bool, admitted);
    const auto rules = AddressRules::parse(allow, deny);
    QVERIFY2(rules.ok(), qPrintable(rules ? QString() : rules.error().toString()));
    const QHostAddress client(address);
    QVERIFY(!client.isNull());
    QCOMPARE(rules->admits(client), admitted);
}

void TestAddressRules::badEntries_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addRow("empty") << QString();
    QTest::addRow("blank") << u"  "_s;
    QTest::addRow("a name") << u"example.com"_s;
    QTest::addRow("v4 prefix too long") << u"10.0.0.0/33"_s;
    QTest::addRow("v6 prefix too long") << u"::/129"_s;
    QTest::addRow("negative prefix") << u"10.0.0.0/-1"_s;
    QTest::addRow("empty prefix") << u"10.0.0.0/"_s;
    QTest::addRow("padded prefix") << u"10.0.0.0/08"_s;
    QTest::addRow("prefix with a blank") << u"10.0.0.0/ 8"_s;
    QTest::addRow("netmask instead of prefix") << u"10.0.0.0/255.0.0.0"_s;
    QTest::addRow("host bits set") << u"10.0.0.1/8"_s;
    QTest::addRow("v6 host bits set") << u"2001:db8::1/32"_s;
    QTest::addRow("short v4 form") << u"10"_s;
    QTest::addRow("two-part v4") << u"127.1"_s;
    QTest::addRow("hex v4") << u"0x7f.0.0.1"_s;
    QTest::addRow("leading zero") << u"010.0.0.1"_s;
    QTest::addRow("octet above 255") << u"256.0.0.1"_s;
    QTest::addRow("five parts") << u"1.2.3.4.5"_s;
    QTest::addRow("v6 scope") << u"fe80::1%eth0"_s;
    QTest::addRow("v6 brackets") << u"[::1]"_s;
    QTest::addRow("two slashes") << u"10.0.0.0/8/8"_s;
    QTest::addRow("broken v6") << u"2001:db8:::1"_s;
}

void TestAddressRules::badEntries()
{
    QFETCH(QString, entry);
    const QStringList good{u"10.0.0.0/8"_s};

    const auto allow = AddressRules::parse(QStringList{good.front(), entry}, good);
    QVERIFY(!allow);
    QCOMPARE(allow.error().code, ErrorCode::Invalid);
    QCOMPARE(allow.error().field, u"firewall/allow"_s);
    QVERIFY2(allow.error().message.contains(u'"' + entry + u'"'), qPrintable(allow.error().message));

    const auto deny = AddressRules::parse(good, QStringList{entry});
    QVERIFY(!deny);
    QCOMPARE(deny.error().field, u"firewall/deny"_s);
    QVERIFY(deny.error().message.contains(u'"' + entry + u'"'));
}

void TestAddressRules::nullAddressIsRefused()
{
    const auto open = AddressRules::parse({}, {});
    QVERIFY(open);
    QVERIFY(open->admits(QHostAddress(u"192.0.2.1"_s)));
    QVERIFY(!open->admits(QHostAddress())); // an unknown peer is never waved through
}

void TestAddressRules::entriesAreKept()
{
    const auto rules = AddressRules::parse({u"::ffff:10.0.0.0/104"_s, u"2001:db8::/32"_s}, {u"192.0.2.7"_s});
    QVERIFY(rules);
    QCOMPARE(rules->allowed().size(), 2);
    QCOMPARE(rules->allowed().at(0), AddressRules::Subnet(QHostAddress(u"10.0.0.0"_s), 8));
    QCOMPARE(rules->allowed().at(1), AddressRules::Subnet(QHostAddress(u"2001:db8::"_s), 32));
    QCOMPARE(rules->denied().at(0), AddressRules::Subnet(QHostAddress(u"192.0.2.7"_s), 32));
}

QTEST_GUILESS_MAIN(TestAddressRules)
#include "TestAddressRules.moc"
