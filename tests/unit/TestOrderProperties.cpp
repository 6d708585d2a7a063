#include <QSqlQuery>
#include <QTest>

#include <random>

#include "backend/engine/Engine.h"
#include "backend/payments/CommerceCheck.h"
#include "backend/payments/Idempotency.h"
#include "backend/payments/PaymentService.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreOptions.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using souk::test::StoreFixture;

/// Three thousand short random sessions of order and payment commands (about 22,000 commands):
/// retries of acknowledged commands with the same key and parameters, keys reused for other
/// commands, over-refunds, double captures, expiries, cancellations, disputes. Every retry must
/// answer as the first time and every reused key must conflict; the invariants must hold after
/// every hundred sessions: the ledger balances, refunded ≤ captured, stock never negative, holds
/// match unpaid orders, provider calls match payments, and what the client was told matches
/// what the store kept.
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
    QTest::addColumn<int>("sequences");
    QTest::addRow("seed 1") << quint64(1) << 1000;
    QTest::addRow("seed 2") << quint64(2) << 1000;
    QTest::addRow("seed 99") << quint64(99) << 1000;
}

namespace {

/// What a command answered, comparable across a retry: the entity's id, or the error's code.
using Answer = QString;
template <typename T> Answer answerOf(const Result<T>& r, qint64 id)
{
    return r ? QString::number(id) : u"error:"_s + errorCodeName(r.error().code);
}
bool acknowledged(const Answer& a)
{
    return !a.startsWith(u"error:"_s);
}

/// A command with its parameters bound: run under an idempotency key, it answers.
using Command = std::function<Answer(const QString& key)>;

/// A command the store acknowledged, to retry later with the same key and parameters.
struct Sent
{
    Command command;
    QString key;
    Answer answer;
    qint64 atMs = 0;
};

} // namespace

void TestOrderProperties::randomSequencesKeepInvariants()
{
    // `sequences` short sessions (a basket, its payment, what follows), one after another on one
    // store, each with fresh orders; retries of acknowledged commands with the same key and
    // parameters must answer as the first time; a key reused for another command must conflict
    QFETCH(quint64, seed);
    QFETCH(int, sequences);
    MockClock clock;
    StoreFixture f(u"EUR"_s, clock);
    QVERIFY(f.ok());
    const QStringList skus{u"A"_s, u"B"_s, u"C"_s, u"D"_s};
    f.addProduct(u"Alpha"_s, {u"A"_s, u"B"_s}, 1999, 4000);
    f.addProduct(u"Gamma"_s, {u"C"_s}, 5, 3000);
    f.addProduct(u"Delta"_s, {u"D"_s}, 120000, 12); // runs short: not-enough-stock refusals
    QVERIFY(wait(
        f.client().setMerchantTerms(MerchantTerms{f.merchantId(), 825, 290, 30, 250, 30, 0}, souk::test::newKey())));
    Customer c{{}, u"Bo"_s, u"bo@example.com"_s, {}, {}, 0};
    auto customer = wait(f.client().createCustomer(c, souk::test::newKey()));
    QVERIFY(customer);

    std::mt19937_64 rng(seed);
    const auto pick = [&rng](int n) { return int(rng() % quint64(n)); };
    QHash<qint64, qint64> refundedTold; // payment -> sum of refunds the client acknowledged
    std::vector<Sent> sent;             // acknowledged commands, to retry
    int keyNo = 0, retries = 0, conflicts = 0, orderCount = 0;
    const QStringList cards{QString::fromLatin1(SimulatedProvider::Approved),
                            QString::fromLatin1(SimulatedProvider::Approved),
                            QString::fromLatin1(SimulatedProvider::Approved),
                            QString::fromLatin1(SimulatedProvider::InsufficientFunds),
                            QString::fromLatin1(SimulatedProvider::ProcessingError),
                            u"4242424242424241"_s};
    QList<Id> orders, payments, disputes; // the session's (the commands kept in `sent` refer to these)
    Id firstOrder; // a key reused by mistake names another of the merchant's orders: keys are scoped per merchant
    for (int sequence = 0; sequence < sequences; ++sequence) {
        orders.clear();
        payments.clear();
        disputes.clear();
        for (int step = 0, steps = 4 + pick(12); step < steps; ++step) {
            // a retry of something acknowledged earlier (a lost answer), or a key reused by mistake
            if (!sent.empty() && pick(7) == 0) {
                // mostly recent ones: older keys may be forgotten by now
                const size_t recent = std::min<size_t>(sent.size(), 300);
                const Sent& old = sent[sent.size() - 1 - size_t(pick(int(recent)))];
                if (clock.nowMs() - old.atMs >= Idempotency::DefaultRetentionMs)
                    continue; // forgotten by now: a retry would be a new command
                if (pick(4) != 0) {
                    QCOMPARE(old.command(old.key), old.answer);
                    ++retries;
                } else {
                    if (firstOrder.isNull())
                        continue;
                    const Answer other = wait(f.client().cancelOrder(firstOrder, u"mistake"_s, old.key)).error().code ==
                                                 ErrorCode::IdempotencyConflict
                                             ? u"conflict"_s
                                             : u"other"_s;
                    QCOMPARE(other, u"conflict"_s);
                    ++conflicts;
                }
                continue;
            }
            Command command;
            Id refunded; // the payment a refund command refunds
            qint64 refundAmount = 0;
            const int op = pick(100);
            if (op < 25 || orders.isEmpty()) {
                QList<NewOrderLine> lines;
                for (int i = 0, n = 1 + pick(3); i < n; ++i)
                    lines.append({skus[(pick(4) + i) % 4], qint64(pick(6)) - 1}); // sometimes 0 or -1
                command = [&, lines](const QString& key) {
                    auto o = wait(f.client().createOrder(NewOrder{f.merchantId(), customer->id, lines, {}, {}}, key));
                    if (o && !orders.contains(o->id)) {
                        orders.append(o->id);
                        if (firstOrder.isNull())
                            firstOrder = o->id;
                        ++orderCount;
                    }
                    return answerOf(o, o ? o->id.value : 0);
                };
            } else if (op < 45) {
                const Id order = orders[orders.size() - 1 - pick(int(std::min<qsizetype>(2, orders.size())))];
                const CardInput card{cards[pick(int(cards.size()))], 12, 2030, u"123"_s};
                command = [&, order, card](const QString& key) {
                    auto p = wait(f.client().authorizePayment(order, card, key));
                    if (p && p->status == PaymentStatus::Authorized && !payments.contains(p->id))
                        payments.append(p->id);
                    return answerOf(p, p ? p->id.value : 0);
                };
            } else if (op < 60 && !payments.isEmpty()) {
                const Id pay = payments[payments.size() - 1 - pick(int(std::min<qsizetype>(3, payments.size())))];
                std::optional<qint64> amount;
                if (pick(3) == 0)
                    amount = qint64(pick(30000)) - 10; // sometimes too much, zero or negative
                command = [&, pay, amount](const QString& key) {
                    auto p = wait(f.client().capturePayment(pay, amount, key));
                    return answerOf(p, p ? p->capturedMinor : 0);
                };
            } else if (op < 75 && !payments.isEmpty()) {
                const Id pay = payments[pick(int(payments.size()))];
                const qint64 amount = qint64(pick(3000)) - 5; // sometimes over what is refundable
                refunded = pay;
                refundAmount = amount;
                command = [&, pay, amount](const QString& key) {
                    auto r = wait(f.client().refundPayment(pay, amount, u"asked"_s, key));
                    return answerOf(r, r ? r->id.value : 0);
                };
            } else if (op < 80 && !payments.isEmpty()) {
                const Id pay = payments[pick(int(payments.size()))];
                command = [&, pay](const QString& key) {
                    auto p = wait(f.client().voidPayment(pay, u"test"_s, key));
                    return answerOf(p, p ? p->id.value : 0);
                };
            } else if (op < 85) {
                const Id order = orders[pick(int(orders.size()))];
                command = [&, order](const QString& key) {
                    auto o = wait(f.client().cancelOrder(order, u"cancelled"_s, key));
                    return answerOf(o, o ? o->id.value : 0);
                };
            } else if (op < 90 && !payments.isEmpty()) {
                const Id pay = payments[pick(int(payments.size()))];
                const qint64 amount = 1 + pick(2000);
                command = [&, pay, amount](const QString& key) {
                    auto d = wait(f.client().openDispute(pay, amount, u"fraud"_s, key));
                    if (d && !disputes.contains(d->id))
                        disputes.append(d->id);
                    return answerOf(d, d ? d->id.value : 0);
                };
            } else if (op < 94 && !disputes.isEmpty()) {
                const Id d = disputes[pick(int(disputes.size()))];
                const int choice = pick(3);
                command = [&, d, choice](const QString& key) {
                    auto r = choice == 0 ? wait(f.client().submitDisputeEvidence(d, key))
                                         : wait(f.client().resolveDispute(d, choice == 1, key));
                    return answerOf(r, r ? r->id.value : 0);
                };
            } else {
                clock.advanceMs(qint64(pick(4)) * 20 * 60'000 +
                                (pick(20) == 0 ? PaymentService::AuthorizationValidityMs : 0));
                QVERIFY(wait(f.client().runMaintenance()));
                continue;
            }
            const QString key = u"k%1"_s.arg(++keyNo);
            const Answer answer = command(key);
            if (!acknowledged(answer))
                continue;
            sent.push_back({command, key, answer, clock.nowMs()});
            if (!refunded.isNull())
                refundedTold[refunded.value] += refundAmount; // told once; its retries add nothing
        }
        if (sequence % 100 == 99) {
            const QStringList found = problems(f);
            QVERIFY2(found.isEmpty(), qPrintable(u"after session %1:\n"_s.arg(sequence) + found.join(u'\n')));
        }
    }
    const QStringList found = problems(f);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    // what the client was told is what the store kept: each acknowledged refund once, however
    // often its key was retried (cancellations refund under their own reason)
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
    qInfo() << sequences << "sessions," << keyNo << "commands," << sent.size() << "acknowledged," << retries
            << "retries answered as first," << conflicts << "reused keys refused," << orderCount << "orders";
    QVERIFY(orderCount > sequences / 2);
    QVERIFY(retries > 100);
    QVERIFY(conflicts > 20);
    QVERIFY(refundedTold.size() > 5); // the sessions reached refunds, not only refusals
}

void TestOrderProperties::checkFindsBrokenLedger()
{
    // the check itself must be able to fail: break each invariant by hand and expect a report
    StoreFixture f;
    QVERIFY(f.ok());
    if (store::StoreOptions::isPostgresUrl(f.storePath()))
        QSKIP("breaks the SQLite file by hand; TestLedger's PostgreSQL twin breaks a PostgreSQL ledger");
    f.addProduct(u"Alpha"_s, {u"A"_s}, 1000, 5);
    auto customer =
        wait(f.client().createCustomer(Customer{{}, u"Bo"_s, u"bo@example.com"_s, {}, {}, 0}, souk::test::newKey()));
    auto order = wait(f.client().createOrder(NewOrder{f.merchantId(), customer->id, {{u"A"_s, 1}}, {}, {}}, u"k1"_s));
    auto pay = wait(f.client().authorizePayment(
        order->id, CardInput{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s}, u"k2"_s));
    QVERIFY(wait(f.client().capturePayment(pay->id, std::nullopt, u"k3"_s)));
    // the capture's provider call settles in a write of its own: let it commit first, so no
    // commit follows the breakage below (debug builds stop at a commit on a broken store)
    QTRY_COMPARE(f.provider().captures(), 1);
    QTRY_VERIFY(wait(f.client().engine().read<QVariant>([](QSqlDatabase& db) {
                    return store::scalar(db, u"SELECT count(*) FROM provider_outbox"_s);
                }))->toLongLong() == 0);
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
