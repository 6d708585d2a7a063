#include <QSqlQuery>
#include <QTest>

#include "backend/engine/Engine.h"
#include "backend/payments/CommerceCheck.h"
#include "backend/payments/Ledger.h"
#include "backend/store/Sql.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::orders;
using namespace souk::payments;
using souk::test::StoreFixture;

/// The ledger's corrections: an entry is never edited or deleted (the store refuses it), a
/// mistake is undone by a reversal that mirrors it, once, with a reason. Every test ends with
/// the whole ledger balanced.
class TestLedger final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void reversalMirrorsAnEntry();
    void reversedCaptureIsSeenByTheCheck();
    void badReversalsChangeNothing();
    void storeRefusesEdits();

private:
    template <typename T> T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }
    /// Runs `command` on the writer; its result or error.
    Result<Id> write(std::function<Result<Id>(store::UnitOfWork&)> command);
    qint64 scalar(const QString& sql);

    std::unique_ptr<StoreFixture> m_f;
    Payment m_payment; ///< captured in init()
    Id m_captureEntry; ///< its journal entry
    Id m_payoutEntry;  ///< the payout that followed
};

void TestLedger::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Lamp"_s, {u"LAMP"_s}, 4000, 3);
    QVERIFY(wait(
        m_f->client().setMerchantTerms(MerchantTerms{m_f->merchantId(), 0, 500, 30, 0, 30, 0}, souk::test::newKey())));
    auto customer = wait(
        m_f->client().createCustomer(Customer{{}, u"Ida"_s, u"ida@example.com"_s, {}, {}, 0}, souk::test::newKey()));
    QVERIFY(customer);
    auto order =
        wait(m_f->client().createOrder(NewOrder{m_f->merchantId(), customer->id, {{u"LAMP"_s, 1}}, {}, {}}, u"o"_s));
    QVERIFY(order);
    auto held = wait(m_f->client().authorizePayment(
        order->id, CardInput{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s}, u"a"_s));
    QVERIFY(held);
    auto taken = wait(m_f->client().capturePayment(held->id, std::nullopt, u"c"_s));
    QVERIFY(taken);
    m_payment = *taken;
    QVERIFY(wait(m_f->client().payout(m_f->merchantId(), {}, u"p"_s)));
    m_captureEntry = Id{scalar(u"SELECT id FROM journal_entries WHERE kind = 'capture'"_s)};
    m_payoutEntry = Id{scalar(u"SELECT entry_id FROM payouts"_s)};
    QVERIFY(!m_captureEntry.isNull() && !m_payoutEntry.isNull());
}

void TestLedger::cleanup()
{
    if (m_f && m_f->ok())
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_f.reset();
}

Result<Id> TestLedger::write(std::function<Result<Id>(store::UnitOfWork&)> command)
{
    return wait(m_f->client().engine().write<Id>(Actor{u"ana"_s, u"accountant"_s}, std::move(command)));
}

qint64 TestLedger::scalar(const QString& sql)
{
    auto n = wait(m_f->client().engine().read<QVariant>([sql](QSqlDatabase& db) { return store::scalar(db, sql); }));
    return n ? n->toLongLong() : -1;
}

void TestLedger::reversalMirrorsAnEntry()
{
    // the bank sent the payout back: the reversal puts the money where it was before
    const Id entry = m_payoutEntry;
    const QString payable =
        u"SELECT balance_minor FROM ledger_accounts WHERE kind = %1"_s.arg(int(AccountKind::MerchantPayable));
    const QString paidOut =
        u"SELECT balance_minor FROM ledger_accounts WHERE kind = %1"_s.arg(int(AccountKind::PaidOut));
    const qint64 paid = scalar(u"SELECT amount_minor FROM payouts"_s);
    QVERIFY(paid > 0);
    QCOMPARE(scalar(paidOut), -paid); // credits are negative
    QCOMPARE(scalar(payable), 0);
    auto reversal =
        write([entry](store::UnitOfWork& uow) { return Ledger::reverse(uow, entry, u" bank returned it "_s); });
    QVERIFY2(reversal, qPrintable(reversal ? QString() : reversal.error().toString()));
    QCOMPARE(scalar(paidOut), 0);
    QCOMPARE(scalar(payable), -paid); // owed to the merchant again (a credit)
    QCOMPARE(scalar(u"SELECT reverses_id FROM journal_entries WHERE id = %1"_s.arg(reversal->value)), entry.value);
    QCOMPARE(scalar(u"SELECT count(*) FROM journal_entries WHERE id = %1 AND memo = 'bank returned it' "
                    "AND kind = 'reversal' AND actor = 'ana/accountant'"_s.arg(reversal->value)),
             1);
}

void TestLedger::reversedCaptureIsSeenByTheCheck()
{
    // a reversal alone cannot undo a capture: the payment still says it took the money. The
    // store check sees the difference (checked inside a command that then fails, so the
    // reversal is never committed)
    const Id entry = m_captureEntry;
    auto problems = std::make_shared<QStringList>();
    auto planted = write([entry, problems](store::UnitOfWork& uow) -> Result<Id> {
        if (auto r = Ledger::reverse(uow, entry, u"booked twice"_s); !r)
            return r.error();
        auto found = CommerceCheck::run(uow.db());
        if (!found)
            return found.error();
        *problems = *found;
        return Error::invalid(u"test"_s, u"roll back what was planted"_s);
    });
    QVERIFY(!planted);
    QCOMPARE(planted.error().field, u"test"_s);
    QCOMPARE(problems->size(), 1);
    QVERIFY2(problems->first().contains(u"but the ledger booked 0"_s), qPrintable(problems->first()));
}

void TestLedger::badReversalsChangeNothing()
{
    const Id entry = m_payoutEntry;
    const qint64 entriesBefore = scalar(u"SELECT count(*) FROM journal_entries"_s);
    auto noReason = write([entry](store::UnitOfWork& uow) { return Ledger::reverse(uow, entry, u"  "_s); });
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().code, ErrorCode::Invalid);
    QCOMPARE(noReason.error().field, u"memo"_s);
    auto unknown = write([](store::UnitOfWork& uow) { return Ledger::reverse(uow, Id{42}, u"typo"_s); });
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QCOMPARE(unknown.error().field, u"entryId"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM journal_entries"_s), entriesBefore);
    QVERIFY(write([entry](store::UnitOfWork& uow) { return Ledger::reverse(uow, entry, u"booked twice"_s); }));
    const qint64 balancesAfterFirst = scalar(u"SELECT sum(abs(balance_minor)) FROM ledger_accounts"_s);
    auto again = write([entry](store::UnitOfWork& uow) { return Ledger::reverse(uow, entry, u"once more"_s); });
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(again.error().field, u"entryId"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM journal_entries"_s), entriesBefore + 1);
    QCOMPARE(scalar(u"SELECT sum(abs(balance_minor)) FROM ledger_accounts"_s), balancesAfterFirst);
}

void TestLedger::storeRefusesEdits()
{
    const qint64 postingsBefore = scalar(u"SELECT sum(amount_minor * 31 + account_id) FROM postings"_s);
    for (const QString& sql : {u"UPDATE journal_entries SET memo = 'edited'"_s, u"DELETE FROM journal_entries"_s,
                               u"UPDATE postings SET amount_minor = amount_minor + 1"_s, u"DELETE FROM postings"_s}) {
        auto edited = write([sql](store::UnitOfWork& uow) -> Result<Id> {
            if (auto s = store::exec(uow.db(), sql); !s)
                return s.error();
            return Id{1};
        });
        QVERIFY2(!edited, qPrintable(sql)); // the trigger's reason is in the log, not shown to users
        QCOMPARE(edited.error().code, ErrorCode::StoreIo);
    }
    QCOMPARE(scalar(u"SELECT count(*) FROM journal_entries WHERE memo = 'edited'"_s), 0);
    QCOMPARE(scalar(u"SELECT sum(amount_minor * 31 + account_id) FROM postings"_s), postingsBefore);
}

QTEST_GUILESS_MAIN(TestLedger)
#include "TestLedger.moc"
