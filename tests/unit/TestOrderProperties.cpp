#include <QSqlQuery>
#include <QTest>

#include <random>

#include "backend/engine/Engine.h"
#include "backend/payments/Idempotency.h"
#include "backend/payments/CommerceCheck.h"
#include "backend/store/Sql.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using souk::test::StoreFixture;

/// Thousands of random order and payment commands - retries with the same key (same and other
/// parameters), over-refunds, double captures, expiries, cancellations, disputes - after which
/// the invariants must hold: the ledger balances, refunded ≤ captured, stock never negative,
/// holds match unpaid orders, and what the client was told matches what the store kept.
class TestOrderProperties final : public QObject
{
    Q_OBJECT

private slots:
    void randomSequencesKeepInvariants_data();
    void randomSequencesKeepInvariants();
    void checkFindsBrokenLedger();

private:
    template <typename T> static T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }
    static QStringList problems(StoreFixture& f);
};

QStringList TestOrderProperties::problems(StoreFixture& f)
{
    auto found = wait(f.client().engine().read<QStringList>([](QSqlDatabase& db) { return CommerceCheck::run(db); }));
    return found ? *found : QStringList{found.error().toString()};
}

void TestOrderProperties::randomSequencesKeepInvariants_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("steps");
    QTest::addRow("seed 1") << quint64(1) << 1500;
    QTest::addRow("seed 2") << quint64(2) << 1500;
    QTest::addRow("seed 99") << quint64(99) << 1500;
}

void TestOrderProperties::randomSequencesKeepInvariants()
{
    QFETCH(quint64, seed);
    QFETCH(int, steps);
    MockClock clock;
    StoreFixture f(u"EUR"_s, clock);
    QVERIFY(f.ok());
    const QStringList skus{u"A"_s, u"B"_s, u"C"_s, u"D"_s};
    f.addProduct(u"Alpha"_s, {u"A"_s, u"B"_s}, 1999, 400);
    f.addProduct(u"Gamma"_s, {u"C"_s}, 5, 300);
    f.addProduct(u"Delta"_s, {u"D"_s}, 120000, 12); // runs short: not-enough-stock refusals
    QVERIFY(wait(f.client().setMerchantTerms(MerchantTerms{f.merchantId(), 825, 290, 30, 250, 30, 0})));
    Customer c{{}, u"Bo"_s, u"bo@example.com"_s, {}, {}, 0};
    auto customer = wait(f.client().createCustomer(c));
    QVERIFY(customer);

    std::mt19937_64 rng(seed);
    const auto pick = [&rng](int n) { return int(rng() % quint64(n)); };
    QList<Id> orders, payments, disputes;
    QHash<qint64, qint64> refundedTold; // payment -> sum of refunds the client acknowledged
    QStringList keys;                   // earlier keys, to retry
    QHash<QString, QString> keyKind;
    QHash<QString, qint64> refundKeys; // keys under which a refund was acknowledged -> when
    int keyNo = 0;
    const auto newKey = [&](const QString& kind) {
        const QString k = u"k%1"_s.arg(++keyNo);
        keys.append(k);
        keyKind.insert(k, kind);
        return k;
    };
    // most commands take a fresh key; some reuse an old one (a retry, or a mistake)
    const auto keyFor = [&](const QString& kind) {
        return !keys.isEmpty() && pick(8) == 0 ? keys[pick(int(keys.size()))] : newKey(kind);
    };
    const QStringList cards{QString::fromLatin1(SimulatedProvider::Approved),
                            QString::fromLatin1(SimulatedProvider::Approved),
                            QString::fromLatin1(SimulatedProvider::Approved),
                            QString::fromLatin1(SimulatedProvider::InsufficientFunds),
                            QString::fromLatin1(SimulatedProvider::ProcessingError),
                            u"4242424242424241"_s};
    for (int step = 0; step < steps; ++step) {
        const int op = pick(100);
        if (op < 25 || orders.isEmpty()) {
            QList<NewOrderLine> lines;
            for (int i = 0, n = 1 + pick(3); i < n; ++i)
                lines.append({skus[(pick(4) + i) % 4], qint64(pick(6)) - 1}); // sometimes 0 or -1
            auto o =
                wait(f.client().createOrder(NewOrder{f.merchantId(), customer->id, lines, {}, {}}, keyFor(u"o"_s)));
            if (o && !orders.contains(o->id))
                orders.append(o->id);
        } else if (op < 45) {
            // mostly the newest orders (still awaiting payment), sometimes any
            const int back = pick(4) == 0 ? pick(int(orders.size())) : pick(int(std::min<qsizetype>(3, orders.size())));
            auto p = wait(f.client().authorizePayment(orders[orders.size() - 1 - back],
                                                      CardInput{cards[pick(int(cards.size()))], 12, 2030, u"123"_s},
                                                      keyFor(u"a"_s)));
            if (p && p->status == PaymentStatus::Authorized && !payments.contains(p->id))
                payments.append(p->id);
        } else if (op < 60 && !payments.isEmpty()) {
            const Id pay = payments[payments.size() - 1 - pick(int(std::min<qsizetype>(4, payments.size())))];
            std::optional<qint64> amount;
            if (pick(3) == 0)
                amount = qint64(pick(30000)) - 10;
            (void)wait(f.client().capturePayment(pay, amount, keyFor(u"c"_s)));
        } else if (op < 75 && !payments.isEmpty()) {
            const Id pay = payments[pick(int(payments.size()))];
            const QString k = keyFor(u"r"_s);
            auto r = wait(f.client().refundPayment(pay, qint64(pick(3000)) - 5, u"asked"_s, k));
            // a replay returns the first refund, which was counted when it was first acknowledged
            if (r && !refundKeys.contains(k))
                refundedTold[pay.value] += r->amountMinor;
            if (r && !refundKeys.contains(k))
                refundKeys.insert(k, clock.nowMs());
        } else if (op < 80 && !payments.isEmpty()) {
            (void)wait(f.client().voidPayment(payments[pick(int(payments.size()))], u"test"_s, keyFor(u"v"_s)));
        } else if (op < 85) {
            (void)wait(f.client().cancelOrder(orders[pick(int(orders.size()))], u"cancelled"_s, keyFor(u"x"_s)));
        } else if (op < 90 && !payments.isEmpty()) {
            auto d = wait(f.client().openDispute(payments[pick(int(payments.size()))], 1 + pick(2000), u"fraud"_s,
                                                 keyFor(u"d"_s)));
            if (d)
                disputes.append(d->id);
        } else if (op < 94 && !disputes.isEmpty()) {
            const Id d = disputes[pick(int(disputes.size()))];
            if (pick(2) == 0)
                (void)wait(f.client().submitDisputeEvidence(d, keyFor(u"e"_s)));
            else
                (void)wait(f.client().resolveDispute(d, pick(2) == 0, keyFor(u"w"_s)));
        } else {
            clock.advanceMs(qint64(pick(4)) * 20 * 60'000 +
                            (pick(20) == 0 ? PaymentService::AuthorizationValidityMs : 0));
            QVERIFY(wait(f.client().runMaintenance()));
            // keys older than a day are forgotten: reusing one then is a new command
            for (auto it = refundKeys.begin(); it != refundKeys.end();)
                it =
                    clock.nowMs() - it.value() > Idempotency::DefaultRetentionMs ? refundKeys.erase(it) : std::next(it);
        }
        if (step % 250 == 249) {
            const QStringList found = problems(f);
            QVERIFY2(found.isEmpty(), qPrintable(u"after step %1:\n"_s.arg(step) + found.join(u'\n')));
        }
    }
    const QStringList found = problems(f);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    // what the client was told is what the store kept: each acknowledged refund once, even
    // when its key was retried (cancellations refund with their own reason)
    for (auto it = refundedTold.cbegin(); it != refundedTold.cend(); ++it) {
        auto kept = wait(f.client().engine().read<QVariant>([id = it.key()](QSqlDatabase& db) {
            return store::scalar(db,
                                 u"SELECT coalesce(sum(amount_minor), 0) FROM refunds WHERE payment_id = ? "
                                 "AND reason = 'asked'"_s,
                                 {id});
        }));
        QVERIFY(kept);
        QCOMPARE(kept->toLongLong(), it.value());
    }
    QVERIFY(orders.size() > 50);
    QVERIFY(refundedTold.size() > 5); // the sequence reached refunds, not only refusals
}

void TestOrderProperties::checkFindsBrokenLedger()
{
    // the check itself must be able to fail: break each invariant by hand and expect a report
    StoreFixture f;
    QVERIFY(f.ok());
    f.addProduct(u"Alpha"_s, {u"A"_s}, 1000, 5);
    auto customer = wait(f.client().createCustomer(Customer{{}, u"Bo"_s, u"bo@example.com"_s, {}, {}, 0}));
    auto order = wait(f.client().createOrder(NewOrder{f.merchantId(), customer->id, {{u"A"_s, 1}}, {}, {}}, u"k1"_s));
    auto pay = wait(f.client().authorizePayment(
        order->id, CardInput{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s}, u"k2"_s));
    QVERIFY(wait(f.client().capturePayment(pay->id, std::nullopt, u"k3"_s)));
    QVERIFY(problems(f).isEmpty());
    // a connection of its own: the engine's debug builds stop on a commit that breaks invariants
    QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"breaker"_s);
    raw.setDatabaseName(f.storePath());
    QVERIFY(raw.open());
    const auto breakWith = [&raw](const QString& sql) { return store::exec(raw, sql).ok(); };
    // the store itself refuses to edit the ledger; only someone who removes its guard can
    const QString editPosting = u"UPDATE postings SET amount_minor = amount_minor + 1 WHERE (entry_id, account_id) IN "
                                "(SELECT entry_id, account_id FROM postings LIMIT 1)"_s;
    QVERIFY(!breakWith(editPosting));
    QVERIFY(!breakWith(u"DELETE FROM journal_entries"_s));
    QVERIFY(breakWith(u"DROP TRIGGER postings_immutable"_s));
    QVERIFY(breakWith(u"UPDATE postings SET amount_minor = amount_minor + 1 WHERE (entry_id, account_id) IN "
                      "(SELECT entry_id, account_id FROM postings LIMIT 1)"_s));
    const QStringList found = problems(f);
    QVERIFY(found.join(u'\n').contains(u"does not balance"_s));
    QVERIFY(found.join(u'\n').contains(u"postings sum to"_s) || found.join(u'\n').contains(u"holds"_s));
    QVERIFY(breakWith(u"UPDATE stock_levels SET reserved = reserved + 1"_s));
    QVERIFY(problems(f).join(u'\n').contains(u"reserved"_s));
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"breaker"_s);
}

QTEST_GUILESS_MAIN(TestOrderProperties)
#include "TestOrderProperties.moc"
