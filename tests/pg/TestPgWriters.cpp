// Several nodes writing one PostgreSQL store at once, where money could go wrong (issue 15 §2):
// three engines with node ids 1-3 share one database and one card provider, and send the same
// commands at the same moment. A retry under one key on three nodes makes one order; one balance
// is paid out once; the ledger's hash chain stays whole; every provider call goes out once
// however many nodes drain the outbox; `soukctl check` passes after.
#include <QHash>
#include <QSqlError>
#include <QTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

#include "backend/client/LocalClient.h"
#include "backend/engine/Engine.h"
#include "backend/store/Sql.h"
#include "tests/support/OrderSupport.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::test::StoreFixture;

namespace {

/// The card network all nodes reach, counting each outbox call by its key.
class CountingProvider final : public payments::PaymentProvider
{
public:
    payments::ProviderAnswer authorize(const payments::CardInput& card, qint64 amountMinor, const QString& currency,
                                       const QString& key) override
    {
        return m_network.authorize(card, amountMinor, currency, key);
    }
    payments::AttemptLookup lookupAuthorization(const QString& key) override
    {
        return m_network.lookupAuthorization(key);
    }
    payments::CallResult voidAuthorization(const QString& reference, const QString& key) override
    {
        if (m_down.load())
            return payments::CallResult::retry(u"unavailable"_s);
        count(key);
        return m_network.voidAuthorization(reference, key);
    }
    payments::CallResult capture(const QString& reference, qint64 amountMinor, const QString& key) override
    {
        if (m_down.load())
            return payments::CallResult::retry(u"unavailable"_s);
        count(key);
        return m_network.capture(reference, amountMinor, key);
    }
    payments::CallResult refund(const QString& reference, qint64 amountMinor, const QString& key) override
    {
        if (m_down.load())
            return payments::CallResult::retry(u"unavailable"_s);
        count(key);
        return m_network.refund(reference, amountMinor, key);
    }
    payments::CallLookup lookupCall(const QString& key) override { return m_network.lookupCall(key); }

    /// While down, every void, capture and refund fails for now (not counted): they wait in the outbox.
    void setDown(bool down) { m_down.store(down); }
    /// Each key sent more than once, with how often.
    QStringList repeats() const
    {
        std::lock_guard lock(m_mutex);
        QStringList out;
        for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it) {
            if (it.value() > 1)
                out.append(u"%1 sent %2 times"_s.arg(it.key()).arg(it.value()));
        }
        return out;
    }
    qsizetype calls() const
    {
        std::lock_guard lock(m_mutex);
        return m_calls.size();
    }

private:
    void count(const QString& key)
    {
        std::lock_guard lock(m_mutex);
        ++m_calls[key];
    }

    payments::SimulatedProvider m_network{2000}; // slow enough for the nodes' passes to overlap
    std::atomic<bool> m_down = false;
    mutable std::mutex m_mutex;
    QHash<QString, int> m_calls;
};

template <typename T> QString why(const Result<T>& r)
{
    return r ? QString() : r.error().toString();
}

} // namespace

class TestPgWriters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void oneKeyMakesOneOrderAcrossNodes();
    void moneyMovesOnceAcrossNodes();
    void aCommandThatLostAWaitRunsAgain();
    void aCommandThatSwallowsAnErrorFailsAlone();

private:
    orders::NewOrder basket(qint64 quantity = 1) const
    {
        return orders::NewOrder{m_f->merchantId(), m_orders->customerId(), {{u"CUP-1"_s, quantity}}, {}, {}};
    }
    qint64 count(const QString& sql);

    static constexpr int Nodes = 3;
    std::shared_ptr<CountingProvider> m_provider;
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<test::OrderSupport> m_orders;
    std::vector<std::unique_ptr<LocalClient>> m_nodes;
};

void TestPgWriters::initTestCase()
{
    // every fixture of this test is a database of its own on a throwaway PostgreSQL
    qputenv("SOUK_TEST_STORE", "postgresql");
}

void TestPgWriters::init()
{
    m_provider = std::make_shared<CountingProvider>();
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Cup"_s, {u"CUP-1"_s}, 1250, 1000);
    m_orders = std::make_unique<test::OrderSupport>(*m_f);
    for (int n = 0; n < Nodes; ++n) {
        LocalClient::Options options = m_f->options();
        options.store.path = m_f->storePath();
        options.provider = m_provider;
        auto node = LocalClient::open(options);
        QVERIFY2(node, qPrintable(why(node)));
        m_nodes.push_back(std::move(node).value());
    }
}

void TestPgWriters::cleanup()
{
    m_nodes.clear();
    if (m_f) {
        const QStringList problems = m_f->problems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
    m_orders.reset();
    m_f.reset();
}

qint64 TestPgWriters::count(const QString& sql)
{
    auto n = StoreFixture::wait(
        m_f->client().engine().read<QVariant>([sql](QSqlDatabase& db) { return store::scalar(db, sql); }));
    return n ? n->toLongLong() : -1;
}

void TestPgWriters::oneKeyMakesOneOrderAcrossNodes()
{
    // a client that timed out retries on another node, twice, while the first is still at work:
    // the three requests land together. One order is made; the others replay it (or, past the
    // lock's wait, say in_progress), and none of them sees a database error.
    constexpr int Rounds = 25;
    std::set<qint64> orders;
    int replays = 0;
    for (int r = 0; r < Rounds; ++r) {
        const QString key = u"retry-%1"_s.arg(r);
        std::vector<QFuture<Result<orders::Order>>> round;
        for (auto& node : m_nodes)
            round.push_back(node->createOrder(basket(), key));
        std::optional<qint64> made;
        for (auto& f : round) {
            const Result<orders::Order> order = StoreFixture::wait(f);
            if (!order) {
                QVERIFY2(order.error().code == ErrorCode::InProgress, qPrintable(order.error().toString()));
                continue;
            }
            if (made)
                QCOMPARE(order->id.value, *made); // the replay is the first result, not an order of its own
            made = order->id.value;
            ++replays;
        }
        QVERIFY2(made, "no node made the order");
        orders.insert(*made);
    }
    QCOMPARE(int(orders.size()), Rounds);
    QVERIFY(replays >= Rounds * 2); // in_progress stays rare: the lock waits for the first to commit
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), qint64(Rounds));
    // and the stock was taken once per order
    QCOMPARE(count(u"SELECT sum(on_hand - reserved) FROM stock_levels"_s), qint64(1000 - Rounds));
}

void TestPgWriters::moneyMovesOnceAcrossNodes()
{
    // each node takes payments at once (every capture books the ledger and queues a call to the
    // provider, which is down: the calls wait in the outbox), then all three pay the merchant out
    // under keys of their own at the same moment
    constexpr int Rounds = 12;
    m_provider->setDown(true);
    const payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, 2030, u"123"_s, {}};
    for (int r = 0; r < Rounds; ++r) {
        std::vector<QFuture<Result<payments::Checkout>>> round;
        for (int n = 0; n < Nodes; ++n)
            round.push_back(m_nodes[size_t(n)]->checkout(basket(), card, true, u"pay-%1-%2"_s.arg(n).arg(r)));
        for (auto& f : round) {
            const auto paid = StoreFixture::wait(f);
            QVERIFY2(paid, qPrintable(why(paid)));
            QCOMPARE(paid->payment.capturedMinor, 1250);
        }
    }
    std::vector<QFuture<Result<QList<payments::Payout>>>> payouts;
    for (int n = 0; n < Nodes; ++n)
        payouts.push_back(m_nodes[size_t(n)]->payout(m_f->merchantId(), {}, u"payout-%1"_s.arg(n)));
    int paid = 0;
    for (auto& f : payouts) {
        const auto p = StoreFixture::wait(f);
        if (p) {
            ++paid;
            QCOMPARE(p->size(), 1);
            QCOMPARE(p->first().amountMinor, qint64(Rounds * Nodes * 1250));
            continue;
        }
        QVERIFY2(p.error().code == ErrorCode::Conflict, qPrintable(p.error().toString()));
    }
    QCOMPARE(paid, 1); // one balance, paid once
    QCOMPARE(count(u"SELECT count(*) FROM payouts"_s), 1);

    // the provider is back and every waiting call is due now; every node drains the outbox at
    // once until it is empty: each call reached the provider once
    QCOMPARE(count(u"SELECT count(*) FROM provider_outbox"_s), qint64(Rounds * Nodes));
    m_provider->setDown(false);
    {
        QSqlDatabase db = StoreFixture::rawConnection(m_f->storePath(), u"due"_s);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QVERIFY(store::exec(db, u"UPDATE provider_outbox SET next_attempt_ms = 0"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"due"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            std::vector<QFuture<Result<MaintenanceResult>>> passes;
            for (auto& node : m_nodes)
                passes.push_back(node->runMaintenance());
            for (auto& f : passes)
                StoreFixture::wait(f);
            return count(u"SELECT count(*) FROM provider_outbox"_s) == 0;
        }(),
        30000);
    QCOMPARE(m_provider->calls(), qsizetype(Rounds * Nodes));
    QVERIFY2(m_provider->repeats().isEmpty(), qPrintable(m_provider->repeats().join(u'\n')));
    // cleanup() runs the store's check: balances from postings, every entry balanced, the chain whole
}

void TestPgWriters::aCommandThatLostAWaitRunsAgain()
{
    // another node's transaction holds the stock level an order needs past the lock timeout: the
    // order's command is rolled back and run again in the writer's next transaction, where it
    // gets its turn, instead of failing with "busy" (at most three times more)
    LocalClient::Options options = m_f->options();
    options.store.path = m_f->storePath();
    options.store.busyTimeoutMs = 300;
    options.provider = m_provider;
    auto node = LocalClient::open(options);
    QVERIFY2(node, qPrintable(why(node)));
    QSqlDatabase other = StoreFixture::rawConnection(m_f->storePath(), u"other"_s);
    QVERIFY2(other.open(), qPrintable(other.lastError().text()));
    QVERIFY(store::exec(other, u"BEGIN"_s));
    QVERIFY(store::exec(other, u"SELECT 1 FROM stock_levels FOR UPDATE"_s));
    auto order = (*node)->createOrder(basket(), u"held"_s);
    QTest::qWait(700); // two lock timeouts and more
    QVERIFY(!order.isFinished());
    QVERIFY(store::exec(other, u"COMMIT"_s));
    const auto made = StoreFixture::wait(order);
    QVERIFY2(made, qPrintable(why(made)));
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 1);

    // held past every run: the command fails, busy, and changed nothing
    QVERIFY(store::exec(other, u"BEGIN"_s));
    QVERIFY(store::exec(other, u"SELECT 1 FROM stock_levels FOR UPDATE"_s));
    const auto refused = StoreFixture::wait((*node)->createOrder(basket(), u"held-too-long"_s));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::StoreLocked);
    QVERIFY(store::exec(other, u"ROLLBACK"_s));
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 1);
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"other"_s);
}

void TestPgWriters::aCommandThatSwallowsAnErrorFailsAlone()
{
    // a command that meets an SQL error, ignores it and reports success: PostgreSQL refuses the
    // rest of its transaction, where a COMMIT is a silent ROLLBACK. The command fails, its row is
    // not there, and the command queued beside it commits all the same, whichever runs first
    // (the first of a transaction runs bare, a later one in a savepoint).
    engine::Engine& engine = m_f->client().engine();
    const Actor actor{u"tester"_s, u"owner"_s};
    const auto insert = [](const QString& key) {
        return [key](store::UnitOfWork& uow) -> Result<int> {
            if (auto s = store::exec(uow.db(), u"INSERT INTO settings (key, value) VALUES (?, 'x')"_s, {key}); !s)
                return s.error();
            if (key.startsWith(u"sloppy"))
                (void)store::exec(uow.db(), u"SELECT 1 / 0"_s); // the error a careless command drops
            return 1;
        };
    };
    for (const bool sloppyFirst : {true, false}) {
        const QString sloppyKey = u"sloppy-%1"_s.arg(sloppyFirst);
        const QString carefulKey = u"careful-%1"_s.arg(sloppyFirst);
        QFuture<Result<int>> sloppy, careful;
        if (sloppyFirst) {
            sloppy = engine.write<int>(actor, insert(sloppyKey));
            careful = engine.write<int>(actor, insert(carefulKey));
        } else {
            careful = engine.write<int>(actor, insert(carefulKey));
            sloppy = engine.write<int>(actor, insert(sloppyKey));
        }
        const auto failed = StoreFixture::wait(sloppy);
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, ErrorCode::StoreIo);
        const auto kept = StoreFixture::wait(careful);
        QVERIFY2(kept, qPrintable(why(kept)));
        QCOMPARE(count(u"SELECT count(*) FROM settings WHERE key = '%1'"_s.arg(sloppyKey)), 0);
        QCOMPARE(count(u"SELECT count(*) FROM settings WHERE key = '%1'"_s.arg(carefulKey)), 1);
    }
}

QTEST_MAIN(TestPgWriters)
#include "TestPgWriters.moc"
