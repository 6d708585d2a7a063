#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "backend/client/LocalClient.h"
#include "backend/risk/decisions/Reviews.h"
#include "tests/api/NodeFixture.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

/// soukctl rules, lists, reviews and payments risk, the real program on a seeded store and then
/// with --url against the real soukd on it: reads print byte for byte what they print on the
/// store file, a rule file that does not parse is named FILE:LINE:COLUMN, two reviewers never
/// work one review, and bad input names its field with the exit code scripts rely on.
class TestSoukctlRisk final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void badRuleFileNamesLineAndColumn();
    void readsMatchTheStore_data();
    void readsMatchTheStore();
    void reviewClaimedThenDecidedOverTheNode();
    void supportReadsRulesButCannotSaveThem();
    void modelTrainedAndActivatedOverTheNode();
    void usageErrors_data();
    void usageErrors();
    void badInputNamesTheField_data();
    void badInputNamesTheField();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run soukctl(const QStringList& args, const QString& key);
    Run onNode(const QStringList& args, const QString& key = {})
    {
        return soukctl(QStringList{u"--url"_s, u"https://127.0.0.1:%1"_s.arg(m_node->port()), u"--trust"_s,
                                   m_node->fingerprint()} +
                           args,
                       key.isEmpty() ? m_node->seeded().adminKey : key);
    }
    Run onStore(const QStringList& args) { return soukctl(QStringList{u"--store"_s, m_node->storePath()} + args, {}); }
    /// `args` with REVIEW, HELD and BLOCKED for the ids the setup made.
    QStringList concrete(QStringList args) const
    {
        args.replaceInStrings(u"REVIEW"_s, m_review.toString());
        args.replaceInStrings(u"HELD"_s, m_heldPayment.toString());
        args.replaceInStrings(u"BLOCKED"_s, m_blockedPayment.toString());
        args.replaceInStrings(u"MERCHANT_B"_s, m_node->seeded().merchantB.toString());
        args.replaceInStrings(u"GOOD_RULES"_s, m_goodRules);
        return args;
    }
    static QString described(const Run& r)
    {
        return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(r.code).arg(r.out.left(3000), r.err.left(2000));
    }
    /// Checkouts on the store in process: one held for review, one blocked.
    bool checkOutOnTheStore();

    QTemporaryDir m_dir;
    QString m_goodRules;
    QString m_badRules;
    std::unique_ptr<NodeFixture> m_node;
    QMap<QString, Run> m_local; ///< the reads on the store file, before the node took it
    Run m_badLocal;
    souk::Id m_review;
    souk::Id m_heldPayment;
    souk::Id m_blockedPayment;
};

namespace {

const QList<std::pair<const char*, QStringList>> Reads = {
    {"rules list", {u"rules"_s, u"list"_s}},
    {"rules list --json", {u"rules"_s, u"list"_s, u"--json"_s}},
    {"rules show", {u"rules"_s, u"show"_s, u"1"_s}},
    {"rules show --json", {u"rules"_s, u"show"_s, u"1"_s, u"--json"_s}},
    {"lists list", {u"lists"_s, u"list"_s}},
    {"lists list --json", {u"lists"_s, u"list"_s, u"--json"_s}},
    {"lists show", {u"lists"_s, u"show"_s, u"vip"_s}},
    {"lists show --json", {u"lists"_s, u"show"_s, u"vip"_s, u"--json"_s}},
    {"reviews list", {u"reviews"_s, u"list"_s}},
    {"reviews list --json", {u"reviews"_s, u"list"_s, u"--json"_s}},
    {"reviews list of merchant B", {u"reviews"_s, u"list"_s, u"--merchant"_s, u"MERCHANT_B"_s}},
    {"reviews list --min-score", {u"reviews"_s, u"list"_s, u"--min-score"_s, u"50"_s}},
    {"reviews show", {u"reviews"_s, u"show"_s, u"REVIEW"_s}},
    {"reviews show --json", {u"reviews"_s, u"show"_s, u"REVIEW"_s, u"--json"_s}},
    {"rules backtest", {u"rules"_s, u"backtest"_s, u"GOOD_RULES"_s}},
    {"rules backtest --json", {u"rules"_s, u"backtest"_s, u"GOOD_RULES"_s, u"--json"_s}},
    {"risk models", {u"risk"_s, u"models"_s}},
    {"payments risk held", {u"payments"_s, u"risk"_s, u"HELD"_s}},
    {"payments risk blocked --json", {u"payments"_s, u"risk"_s, u"BLOCKED"_s, u"--json"_s}},
};

const QByteArray GoodRules = "# ctl's rules\n"
                             "Block if :device_id: = 'ctl-blocked'\n"
                             "Review if :device_id: = 'ctl-held' and :email: not in @vip\n";
const QByteArray BadRules = "Review if :amount: >= 10\n"
                            "Block if :emial: = 'x'\n";

} // namespace

TestSoukctlRisk::Run TestSoukctlRisk::soukctl(const QStringList& args, const QString& key)
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

bool TestSoukctlRisk::checkOutOnTheStore()
{
    souk::LocalClient::Options options;
    options.store.path = m_node->storePath();
    options.maintenanceIntervalMs = 0;
    options.principal = souk::auth::Principal::localAdmin(u"test"_s);
    auto client = souk::LocalClient::open(options);
    if (!client) {
        qWarning().noquote() << "the store did not open:" << client.error().toString();
        return false;
    }
    const auto& seed = m_node->seeded();
    const auto pay = [&](const QString& device) -> souk::Result<souk::payments::Checkout> {
        souk::payments::CardInput card{u"4242 4242 4242 4242"_s, 12, 2030, u"123"_s};
        card.context.deviceId = device;
        card.context.ipCountry = u"PT"_s;
        const souk::orders::NewOrder order{seed.merchantA, seed.customer, {{seed.skuA, 1}}, {}, {}};
        return souk::test::StoreFixture::wait((*client)->checkout(order, card, false, souk::test::newKey()));
    };
    const auto held = pay(u"ctl-held"_s);
    const auto blocked = pay(u"ctl-blocked"_s);
    if (!held || !blocked) {
        qWarning() << "a checkout failed";
        return false;
    }
    m_heldPayment = held->payment.id;
    m_blockedPayment = blocked->payment.id;
    const auto queue = souk::test::StoreFixture::wait((*client)->reviews({}));
    if (!queue || queue->size() != 1 || queue->first().paymentId != m_heldPayment) {
        qWarning() << "the held checkout is not the one review";
        return false;
    }
    m_review = queue->first().id;
    return true;
}

void TestSoukctlRisk::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_goodRules = m_dir.filePath(u"good.rules"_s);
    m_badRules = m_dir.filePath(u"bad.rules"_s);
    for (const auto& [path, bytes] : {std::pair{m_goodRules, GoodRules}, std::pair{m_badRules, BadRules}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());

    m_badLocal = onStore({u"rules"_s, u"save"_s, m_badRules});
    const QList<QStringList> setup = {
        {u"lists"_s, u"create"_s, u"vip"_s, u"email"_s, u"--description"_s, u"good customers"_s},
        {u"lists"_s, u"add"_s, u"vip"_s, u"a@example.com"_s, u"B@Example.com"_s},
        {u"rules"_s, u"save"_s, m_goodRules, u"--note"_s, u"first rules"_s},
        {u"rules"_s, u"activate"_s, u"1"_s},
    };
    for (const QStringList& args : setup) {
        const Run r = onStore(args);
        QVERIFY2(r.code == 0 && r.err.isEmpty(), qPrintable(args.join(u' ') + u'\n' + described(r)));
    }
    QVERIFY(checkOutOnTheStore());
    for (const auto& [name, args] : Reads) {
        const Run local = onStore(concrete(args));
        QVERIFY2(local.code == 0 && !local.out.isEmpty(),
                 qPrintable(QString::fromLatin1(name) + u'\n' + described(local)));
        m_local.insert(QString::fromLatin1(name), local);
    }
    QVERIFY(m_node->start());
}

void TestSoukctlRisk::cleanupTestCase()
{
    if (m_node && m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    m_node.reset();
}

void TestSoukctlRisk::badRuleFileNamesLineAndColumn()
{
    // on the store: the line and column, as a compiler says it, and nothing saved
    QCOMPARE(m_badLocal.code, 1);
    QVERIFY(m_badLocal.out.isEmpty());
    QVERIFY2(m_badLocal.err.startsWith(m_badRules + u":2:10: rule_unknown_attribute: "_s), qPrintable(m_badLocal.err));
    QVERIFY2(m_badLocal.err.contains(u":email:"_s), qPrintable(m_badLocal.err)); // did you mean
    QVERIFY(m_local.value(u"rules list"_s).out.count(u'\n') == 2);               // the header and the good set only
    // over the node: the same words
    const Run remote = onNode({u"rules"_s, u"save"_s, m_badRules});
    QCOMPARE(remote.code, 1);
    QCOMPARE(remote.err, m_badLocal.err);
    QVERIFY(remote.out.isEmpty());
}

void TestSoukctlRisk::readsMatchTheStore_data()
{
    QTest::addColumn<QStringList>("args");
    for (const auto& [name, args] : Reads)
        QTest::newRow(name) << args;
}

void TestSoukctlRisk::readsMatchTheStore()
{
    QFETCH(QStringList, args);
    const Run remote = onNode(concrete(args));
    const Run& local = m_local.value(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY2(remote.code == 0, qPrintable(described(remote)));
    QCOMPARE(remote.out, local.out);
    QCOMPARE(remote.err, local.err);
}

void TestSoukctlRisk::reviewClaimedThenDecidedOverTheNode()
{
    // what the reads showed is what the setup made
    QVERIFY2(m_local.value(u"reviews list"_s).out.contains(m_review.toString()),
             qPrintable(m_local.value(u"reviews list"_s).out));
    QVERIFY(m_local.value(u"reviews list of merchant B"_s).out.startsWith(u"no open reviews"_s));
    QVERIFY2(m_local.value(u"payments risk held"_s).out.contains(u"held for review by rule 3"_s),
             qPrintable(m_local.value(u"payments risk held"_s).out));
    QVERIFY(m_local.value(u"payments risk blocked --json"_s).out.contains(u"\"action\": \"block\""_s));
    QCOMPARE(m_local.value(u"lists show"_s).out, u"a@example.com\nb@example.com\n"_s);

    const Run claimed = onNode(concrete({u"reviews"_s, u"claim"_s, u"REVIEW"_s}));
    QVERIFY2(claimed.code == 0 && claimed.out.contains(u"is yours until"_s), qPrintable(described(claimed)));
    const Run taken = onNode(concrete({u"reviews"_s, u"claim"_s, u"REVIEW"_s}), m_node->seeded().supportKey);
    QVERIFY2(taken.code == 1 && taken.err.contains(u"conflict [ID]"_s), qPrintable(described(taken)));
    const Run noReason =
        onNode(concrete({u"reviews"_s, u"decide"_s, u"REVIEW"_s, u"approve"_s, u"--reason"_s, u"fine"_s}));
    QVERIFY2(noReason.code == 1 && noReason.err.contains(u"[--reason]"_s) &&
                 noReason.err.contains(u"customer_verified"_s),
             qPrintable(described(noReason)));
    const Run approved = onNode(concrete({u"reviews"_s, u"decide"_s, u"REVIEW"_s, u"approve"_s, u"--reason"_s,
                                          u"customer_verified"_s, u"--note"_s, u"called her"_s}));
    QVERIFY2(approved.code == 0 && approved.out.contains(u"approved (payment captured)"_s),
             qPrintable(described(approved)));
    const Run again =
        onNode(concrete({u"reviews"_s, u"decide"_s, u"REVIEW"_s, u"decline"_s, u"--reason"_s, u"policy"_s}));
    QVERIFY2(again.code != 0 && again.err.contains(u"illegal_transition [ID]"_s) && again.err.contains(u"closed"_s),
             qPrintable(described(again)));
    const Run shown = onNode(concrete({u"reviews"_s, u"show"_s, u"REVIEW"_s}));
    QVERIFY2(shown.out.contains(u"approved"_s) && shown.out.contains(u"customer_verified (called her)"_s),
             qPrintable(described(shown)));
    const Run queue = onNode({u"reviews"_s, u"list"_s});
    QCOMPARE(queue.out, u"no open reviews\n"_s);
}

void TestSoukctlRisk::supportReadsRulesButCannotSaveThem()
{
    const QString support = m_node->seeded().supportKey;
    const Run read = onNode({u"rules"_s, u"show"_s, u"1"_s}, support);
    QVERIFY2(read.code == 0, qPrintable(described(read)));
    QCOMPARE(read.out, m_local.value(u"rules show"_s).out);
    const Run save = onNode({u"rules"_s, u"save"_s, m_goodRules}, support);
    QVERIFY2(save.code == 1 && save.err.contains(u"forbidden"_s) && save.out.isEmpty(), qPrintable(described(save)));
    const Run listed = onNode({u"rules"_s, u"list"_s}, support);
    QCOMPARE(listed.out, m_local.value(u"rules list"_s).out); // nothing saved
    // lists are support's to keep
    const Run added = onNode({u"lists"_s, u"add"_s, u"vip"_s, u"c@example.com"_s}, support);
    QVERIFY2(added.code == 0 && added.out == u"added 1 of 1 value to @vip (3 now)\n"_s, qPrintable(described(added)));
    const Run removed = onNode({u"lists"_s, u"remove"_s, u"vip"_s, u"C@example.com"_s, u"z@example.com"_s}, support);
    QVERIFY2(removed.code == 0 && removed.out == u"removed 1 of 2 values from @vip (2 now)\n"_s,
             qPrintable(described(removed)));
    // a bad value is named by its place on the command line, and adds none
    const Run bad = onNode({u"lists"_s, u"add"_s, u"vip"_s, u"d@example.com"_s, u"not-an-email"_s}, support);
    QVERIFY2(bad.code == 1 && bad.err.contains(u"invalid [VALUE 2]"_s), qPrintable(described(bad)));
    QCOMPARE(onNode({u"lists"_s, u"show"_s, u"vip"_s}).out, m_local.value(u"lists show"_s).out);
}

void TestSoukctlRisk::modelTrainedAndActivatedOverTheNode()
{
    // the node trains on its store's imported history, as the store would in process
    const QString until = QDateTime::fromMSecsSinceEpoch(m_node->seeded().historyCutoffMs, Qt::UTC).toString(Qt::ISODate);
    const Run support = onNode({u"risk"_s, u"train"_s, u"--model"_s, u"lr"_s, u"--until"_s, until},
                               m_node->seeded().supportKey);
    QVERIFY2(support.code == 1 && support.err.contains(u"forbidden"_s), qPrintable(described(support)));
    const Run badKind = onNode({u"risk"_s, u"train"_s, u"--model"_s, u"forest"_s});
    QVERIFY2(badKind.code != 0 && badKind.err.contains(u"--model"_s), qPrintable(described(badKind)));
    const Run trained = onNode({u"risk"_s, u"train"_s, u"--model"_s, u"lr"_s, u"--until"_s, until});
    QVERIFY2(trained.code == 0, qPrintable(described(trained)));
    QVERIFY2(trained.out.startsWith(u"model 1 (lr): trained on "_s), qPrintable(described(trained)));
    QVERIFY2(trained.out.contains(u"AUC "_s) && trained.out.contains(u"not active yet: soukctl risk activate 1"_s),
             qPrintable(described(trained)));
    const Run on = onNode({u"risk"_s, u"activate"_s, u"1"_s});
    QVERIFY2(on.code == 0 && on.out == u"model 1 scores every payment from now on\n"_s, qPrintable(described(on)));
    const Run listed = onNode({u"risk"_s, u"models"_s});
    QVERIFY2(listed.code == 0 && listed.out.startsWith(u"model 1 (lr, active): "_s), qPrintable(described(listed)));
    const Run off = onNode({u"risk"_s, u"activate"_s, u"none"_s});
    QVERIFY2(off.code == 0 && off.out.startsWith(u"no model is active"_s), qPrintable(described(off)));
    // what only the store's own process can do is refused on a node, saying where to run it
    const Run evaluate = onNode({u"risk"_s, u"evaluate"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-02-01"_s});
    QVERIFY2(evaluate.code == 2 && evaluate.err.contains(u"works on a store file"_s), qPrintable(described(evaluate)));
}

void TestSoukctlRisk::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("rules alone") << QStringList{u"rules"_s} << u"usage: soukctl rules"_s;
    QTest::newRow("rules what") << QStringList{u"rules"_s, u"delete"_s, u"1"_s} << u"usage: soukctl rules"_s;
    QTest::newRow("shadow maybe") << QStringList{u"rules"_s, u"shadow"_s, u"1"_s, u"maybe"_s} << u"on|off"_s;
    QTest::newRow("save without a file") << QStringList{u"rules"_s, u"save"_s} << u"save FILE"_s;
    QTest::newRow("add without values") << QStringList{u"lists"_s, u"add"_s, u"vip"_s} << u"add NAME VALUE"_s;
    QTest::newRow("decide maybe") << QStringList{u"reviews"_s, u"decide"_s, u"1"_s, u"maybe"_s, u"--reason"_s, u"x"_s}
                                  << u"approve|decline|fraud"_s;
    QTest::newRow("decide without a reason")
        << QStringList{u"reviews"_s, u"decide"_s, u"1"_s, u"fraud"_s} << u"stolen_card"_s;
    QTest::newRow("payments alone") << QStringList{u"payments"_s} << u"payments risk PAYMENT_ID"_s;
    QTest::newRow("block takes no value") << QStringList{u"reviews"_s, u"list"_s, u"--block=yes"_s} << u"--block"_s;
}

void TestSoukctlRisk::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run r = onStore(args);
    QVERIFY2(r.code == 2 && r.out.isEmpty() && r.err.contains(says), qPrintable(described(r)));
}

void TestSoukctlRisk::badInputNamesTheField_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("version not a number") << QStringList{u"rules"_s, u"show"_s, u"v1"_s} << u"invalid [VERSION]"_s;
    QTest::newRow("no such version") << QStringList{u"rules"_s, u"activate"_s, u"99"_s} << u"not_found [VERSION]"_s;
    QTest::newRow("no rule file") << QStringList{u"rules"_s, u"save"_s, u"/nonexistent/x.rules"_s}
                                  << u"invalid [FILE]"_s;
    QTest::newRow("review id") << QStringList{u"reviews"_s, u"show"_s, u"12x"_s} << u"invalid [ID]"_s;
    QTest::newRow("no such review") << QStringList{u"reviews"_s, u"claim"_s, u"4242"_s} << u"not_found [ID]"_s;
    QTest::newRow("score out of range") << QStringList{u"reviews"_s, u"list"_s, u"--min-score"_s, u"101"_s}
                                        << u"invalid [--min-score]"_s;
    QTest::newRow("not assessed") << QStringList{u"payments"_s, u"risk"_s, u"4242"_s} << u"not_found [PAYMENT_ID]"_s;
    QTest::newRow("list kind") << QStringList{u"lists"_s, u"create"_s, u"shoes"_s, u"size"_s} << u"invalid [KIND]"_s;
    QTest::newRow("no such list") << QStringList{u"lists"_s, u"show"_s, u"nope"_s} << u"not_found [NAME]"_s;
}

void TestSoukctlRisk::badInputNamesTheField()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run remote = onNode(args);
    QVERIFY2(remote.code == 1 && remote.out.isEmpty() && remote.err.contains(says), qPrintable(described(remote)));
}

QTEST_GUILESS_MAIN(TestSoukctlRisk)
#include "TestSoukctlRisk.moc"
