#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include "backend/auth/AuditLog.h"
#include "backend/auth/Principal.h"
#include "backend/catalog/CatalogImport.h"
#include "backend/engine/Engine.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreOptions.h"
#include "tests/support/Keys.h"
#include "tests/support/OrderSupport.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::payments;
using souk::auth::AuditLog;
using souk::auth::AuditQuery;
using souk::auth::AuditRecord;
using souk::auth::AuditVerification;
using souk::test::newKey;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace {

template <typename T> T wait(QFuture<T> f)
{
    return StoreFixture::wait(std::move(f));
}

/// A connection of the test's own to a closed store file, as another program (or an attacker
/// with the file) has; removed when it goes.
class RawStore final
{
    Q_DISABLE_COPY_MOVE(RawStore)
public:
    /// The file with SQLite, or the PostgreSQL database as its owner (a PostgreSQL twin).
    explicit RawStore(const QString& path) : m_name(u"raw-%1"_s.arg(++s_count))
    {
        m_postgres = store::StoreOptions::isPostgresUrl(path);
        StoreFixture::rawConnection(path, m_name).open();
    }
    ~RawStore()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    /// Runs `sql`; the error's text, or an empty string when it succeeded.
    QString exec(const QString& sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) ? QString() : q.lastError().text() + u" "_s;
    }
    /// Drops one of the audit log's triggers, in the store's dialect.
    QString dropAuditTrigger(const QString& name) const
    {
        return exec(u"DROP TRIGGER "_s + name + (m_postgres ? u" ON audit_log"_s : QString()));
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_postgres = false;
};

auth::Principal person(const QString& name, auth::Role role, Id merchant, qint64 userId)
{
    auth::Principal p;
    p.userId = Id{userId};
    p.userName = name;
    p.role = role;
    p.merchantId = merchant;
    p.via = auth::Via::Session;
    p.credentialId = Id{userId * 10 + 1};
    p.origin = u"node-1 203.0.113.%1"_s.arg(userId);
    return p;
}

QList<qint64> seqs(const QList<AuditRecord>& rows)
{
    QList<qint64> out;
    for (const AuditRecord& r : rows)
        out << r.seq;
    return out;
}

} // namespace

/// The audit log: every principal's command leaves one row saying who (user, role, how they
/// signed in, from where), what, on which objects, why, and how it ended - refused and failed
/// commands too, whose effects are rolled back while their rows stay. The rows are chained:
/// AuditLog::verify names the first row that was edited, removed or forged in the file, and
/// the store's triggers refuse UPDATE and DELETE. Listing filters by user, object, time and
/// merchant, within bounds.
class TestAuditLog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void recordsWhoWhatWhyAndOutcome();
    void rowsAreNumberedAsWritten();
    void failedCommandKeepsItsRowNotItsEffect();
    void verifyFindsEveryRowGood();
    void tamperingIsFound_data();
    void tamperingIsFound();
    void listFiltersByUserAndEntity();
    void listFiltersByTimeMerchantAndPage();
    void merchantPrincipalsReadTheirMerchantsRows();
    void listLimitIsBounded_data();
    void listLimitIsBounded();
    void triggersRefuseUpdateAndDelete();

private:
    /// Closes the client and opens it again as `principal`.
    void actAs(const auth::Principal& principal);
    /// Refunds, as different people, on the setup's payment; times one minute apart.
    void runCommands();
    QList<AuditRecord> list(const AuditQuery& query);
    QList<AuditRecord> all();
    qint64 count(const QString& table);
    AuditVerification verify();

    MockClock m_clock;
    std::unique_ptr<StoreFixture> m_f;
    Payment m_payment;
    Id m_variant;
    qint64 m_startMs = 0;
    auth::Principal m_ana; ///< the merchant's owner
    auth::Principal m_sam; ///< the merchant's staff
    auth::Principal m_sue; ///< support, every merchant
};

void TestAuditLog::init()
{
    m_clock.setMs(1767225600000);
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, m_clock);
    QVERIFY(m_f->ok());
    const catalog::Product mug = m_f->addProduct(u"Mug"_s, {u"MUG-1"_s}, 1500, 20);
    QVERIFY(!mug.variants.isEmpty());
    m_variant = mug.variants[0].id;
    OrderSupport orders(*m_f);
    m_payment = orders.paidOrder(u"MUG-1"_s, 2);
    QVERIFY(!m_payment.id.isNull());
    m_ana = person(u"ana"_s, auth::Role::Owner, m_f->merchantId(), 7);
    m_sam = person(u"sam"_s, auth::Role::Staff, m_f->merchantId(), 8);
    m_sue = person(u"sue"_s, auth::Role::Support, Id{}, 9);
    m_clock.advanceMs(60'000);
    m_startMs = m_clock.nowMs(); // the setup's rows are older
}

void TestAuditLog::cleanup()
{
    if (m_f && m_f->ok()) {
        actAs(auth::Principal::localOwner());
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    }
    m_f.reset();
}

void TestAuditLog::actAs(const auth::Principal& principal)
{
    m_f->close();
    m_f->options().principal = principal;
    QVERIFY(m_f->reopen());
}

void TestAuditLog::runCommands()
{
    actAs(m_ana);
    QVERIFY(wait(m_f->client().refundPayment(m_payment.id, 500, u"damaged in transit"_s, newKey())));
    m_clock.advanceMs(60'000);
    QVERIFY(!wait(m_f->client().refundPayment(Id{987654321}, 100, u"wrong id"_s, newKey())));
    m_clock.advanceMs(60'000);
    actAs(m_sam);
    QVERIFY(!wait(m_f->client().refundPayment(m_payment.id, 100, u"staff try"_s, newKey())));
    m_clock.advanceMs(60'000);
    actAs(m_sue);
    QVERIFY(wait(m_f->client().refundPayment(m_payment.id, 200, u"goodwill"_s, newKey())));
    m_clock.advanceMs(60'000);
    actAs(m_ana);
    const catalog::StockAdjustment recount{m_variant, m_f->locationId(), catalog::MovementKind::Adjusted,
                                           -1,        u"recount"_s,      -1};
    QVERIFY(wait(m_f->client().adjustStock(recount, newKey())));
}

QList<AuditRecord> TestAuditLog::list(const AuditQuery& query)
{
    auto rows = wait(m_f->client().engine().read<QList<AuditRecord>>(
        [query](QSqlDatabase& db) { return AuditLog::list(db, query); }));
    if (!rows) {
        QTest::qFail(qPrintable(rows.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *rows;
}

QList<AuditRecord> TestAuditLog::all()
{
    AuditQuery query;
    query.limit = AuditQuery::LimitMax;
    return list(query);
}

qint64 TestAuditLog::count(const QString& table)
{
    auto n = wait(m_f->client().engine().read<QVariant>(
        [table](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM "_s + table); }));
    return n ? n->toLongLong() : -1;
}

AuditVerification TestAuditLog::verify()
{
    auto checked =
        wait(m_f->client().engine().read<AuditVerification>([](QSqlDatabase& db) { return AuditLog::verify(db); }));
    if (!checked) {
        QTest::qFail(qPrintable(checked.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *checked;
}

void TestAuditLog::recordsWhoWhatWhyAndOutcome()
{
    runCommands();
    AuditQuery since;
    since.sinceMs = m_startMs;
    const QList<AuditRecord> rows = list(since); // newest first
    QCOMPARE(rows.size(), 5);
    const AuditRecord& refund = rows[4];
    QCOMPARE(refund.userId, m_ana.userId);
    QCOMPARE(refund.userName, u"ana"_s);
    QCOMPARE(refund.role, u"owner"_s);
    QCOMPARE(refund.merchantId, m_f->merchantId());
    QCOMPARE(refund.via, u"session"_s);
    QCOMPARE(refund.credentialId, m_ana.credentialId);
    QCOMPARE(refund.origin, u"node-1 203.0.113.7"_s);
    QCOMPARE(refund.atMs, m_startMs);
    QCOMPARE(refund.operation, u"refund_payment"_s);
    // the object it was given, then what it changed
    QCOMPARE(refund.objects.value(0), u"payment:"_s + m_payment.id.toString());
    QVERIFY2(refund.objects.contains(u"order:"_s + m_payment.orderId.toString()),
             qPrintable(refund.objects.join(u' ')));
    QCOMPARE(refund.reason, u"damaged in transit"_s);
    QCOMPARE(refund.outcome, u"ok"_s);
    QVERIFY(refund.succeeded());
    QCOMPARE(refund.detail, QString());

    const AuditRecord& missing = rows[3];
    QCOMPARE(missing.userName, u"ana"_s);
    QCOMPARE(missing.operation, u"refund_payment"_s);
    QCOMPARE(missing.objects, QStringList{u"payment:987654321"_s});
    QCOMPARE(missing.reason, u"wrong id"_s);
    QCOMPARE(missing.outcome, u"not_found"_s);
    QVERIFY2(missing.detail.startsWith(u"paymentId: "_s), qPrintable(missing.detail));

    const AuditRecord& refused = rows[2];
    QCOMPARE(refused.userName, u"sam"_s);
    QCOMPARE(refused.role, u"staff"_s);
    QCOMPARE(refused.credentialId, m_sam.credentialId);
    QCOMPARE(refused.operation, u"refund_payment"_s);
    QCOMPARE(refused.objects, QStringList{u"payment:"_s + m_payment.id.toString()});
    QCOMPARE(refused.reason, u"staff try"_s);
    QCOMPARE(refused.outcome, u"forbidden"_s);
    QVERIFY2(refused.detail.contains(u"staff"_s), qPrintable(refused.detail));

    const AuditRecord& support = rows[1];
    QCOMPARE(support.userName, u"sue"_s);
    QCOMPARE(support.role, u"support"_s);
    // a platform user, but the refund was about this merchant's payment: its owner sees the row
    QCOMPARE(support.merchantId, m_f->merchantId());
    QCOMPARE(support.origin, u"node-1 203.0.113.9"_s);
    QCOMPARE(support.reason, u"goodwill"_s);
    QCOMPARE(support.outcome, u"ok"_s);

    const AuditRecord& recount = rows[0];
    QCOMPARE(recount.operation, u"adjust_stock"_s);
    QCOMPARE(recount.objects.mid(0, 2),
             (QStringList{u"variant:"_s + m_variant.toString(), u"location:"_s + m_f->locationId().toString()}));
    QVERIFY2(recount.objects.contains(u"stock:"_s + m_variant.toString()), qPrintable(recount.objects.join(u' ')));
    QCOMPARE(recount.reason, u"recount"_s);
    QCOMPARE(recount.atMs, m_startMs + 4 * 60'000);
}

void TestAuditLog::rowsAreNumberedAsWritten()
{
    runCommands();
    const QList<AuditRecord> everything = all(); // newest first
    QVERIFY(everything.size() >= 10);
    for (qsizetype i = 0; i < everything.size(); ++i) // from 1, with no gap
        QCOMPARE(everything[i].seq, everything.size() - i);
    for (qsizetype i = 1; i < everything.size(); ++i)
        QVERIFY(everything[i].atMs <= everything[i - 1].atMs);
    // the setup, by the store's local owner, is audited too, as such
    QCOMPARE(everything.last().via, u"local"_s);
    QCOMPARE(everything.last().userName, u"tester"_s);
    QCOMPARE(everything.last().role, u"owner"_s);
    QVERIFY(everything.last().userId.isNull());
}

void TestAuditLog::failedCommandKeepsItsRowNotItsEffect()
{
    actAs(m_ana);
    LocalClient& c = m_f->client();
    // a refund refused by its own rule: nothing is refunded
    const qint64 refunds = count(u"refunds"_s);
    const qint64 entries = count(u"journal_entries"_s);
    auto blank = wait(c.refundPayment(m_payment.id, 100, u"   "_s, newKey()));
    QVERIFY(!blank);
    QCOMPARE(blank.error().code, ErrorCode::Invalid);
    QCOMPARE(count(u"refunds"_s), refunds);
    QCOMPARE(count(u"journal_entries"_s), entries);

    // an import that fails on its second product after writing the first: all of it is rolled
    // back, and the row that says so stays
    const QByteArray csv = "Handle,Title,Variant SKU,Variant Price\n"
                           "vase,Vase,VAS-1,12.00\n"
                           "bowl,Bowl,BWL-1,8.00\n";
    auto plan = wait(c.planImport(m_f->merchantId(), csv, catalog::CsvFormat::Shopify, {}));
    QVERIFY(plan && plan->ok());
    m_f->addProduct(u"Bowl taken"_s, {u"BWL-1"_s}, 800); // the SKU is taken after the check
    const qint64 products = count(u"products"_s);
    const qint64 changes = count(u"changes"_s);
    auto run = wait(c.runImport(m_f->merchantId(), *plan, {}));
    QVERIFY(!run);
    QCOMPARE(run.error().code, ErrorCode::Duplicate);
    QCOMPARE(count(u"products"_s), products);
    QCOMPARE(count(u"changes"_s), changes);

    const QList<AuditRecord> rows = all();
    QCOMPARE(rows[0].operation, u"run_import"_s);
    QCOMPARE(rows[0].outcome, u"duplicate"_s);
    QCOMPARE(rows[0].objects, QStringList{u"merchant:"_s + m_f->merchantId().toString()}); // nothing it changed
    QVERIFY(!rows[0].detail.isEmpty());
    QCOMPARE(rows[1].operation, u"save_product"_s); // the bowl, made in between
    QCOMPARE(rows[1].outcome, u"ok"_s);
    const auto blankRow =
        std::find_if(rows.begin(), rows.end(), [](const AuditRecord& r) { return r.reason == u"   "_s; });
    QVERIFY(blankRow != rows.end());
    QCOMPARE(blankRow->outcome, u"invalid"_s);
    QCOMPARE(blankRow->detail, u"reason: say why the money is refunded"_s);
    const AuditVerification checked = verify();
    QVERIFY2(!checked.firstBadSeq, qPrintable(checked.problem));
}

void TestAuditLog::verifyFindsEveryRowGood()
{
    runCommands();
    const AuditVerification checked = verify();
    QVERIFY2(!checked.firstBadSeq, qPrintable(checked.problem));
    QCOMPARE(checked.rows, count(u"audit_log"_s));
    QVERIFY(checked.rows >= 10);
}

void TestAuditLog::tamperingIsFound_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("a row's reason edited") << u"edit"_s;
    QTest::addRow("a row's outcome edited") << u"outcome"_s;
    QTest::addRow("a middle row deleted") << u"delete"_s;
    QTest::addRow("a row forged at the end") << u"forge"_s;
    QTest::addRow("a row forged before the first") << u"forge-first"_s;
}

void TestAuditLog::tamperingIsFound()
{
    QFETCH(QString, kind);
    runCommands();
    AuditQuery since;
    since.sinceMs = m_startMs;
    since.user = u"sam"_s;
    const QList<AuditRecord> sams = list(since);
    QCOMPARE(sams.size(), 1);
    const qint64 target = sams.first().seq; // the refused refund: a row someone would like gone
    const qint64 last = all().first().seq;
    QVERIFY(target > 1 && target < last);
    const QString path = m_f->storePath();
    m_f->close();

    RawStore raw(path);
    QSqlDatabase db = raw.db();
    auto before = AuditLog::verify(db);
    QVERIFY(before && !before->firstBadSeq);
    // as an attacker with the file would: the triggers go first
    QCOMPARE(raw.dropAuditTrigger(u"audit_log_no_update"_s), QString());
    QCOMPARE(raw.dropAuditTrigger(u"audit_log_no_delete"_s), QString());
    qint64 expectedBad = 0;
    if (kind == u"edit"_s) {
        QCOMPARE(raw.exec(u"UPDATE audit_log SET reason = 'routine' WHERE seq = %1"_s.arg(target)), QString());
        expectedBad = target;
    } else if (kind == u"outcome"_s) {
        QCOMPARE(raw.exec(u"UPDATE audit_log SET outcome = 'ok', detail = '' WHERE seq = %1"_s.arg(target)), QString());
        expectedBad = target;
    } else if (kind == u"delete"_s) {
        QCOMPARE(raw.exec(u"DELETE FROM audit_log WHERE seq = %1"_s.arg(target)), QString());
        expectedBad = target + 1; // the row after the gap no longer follows its predecessor
    } else {
        // a plausible row: a copy of a real one with another story, and a hash of the right size
        const qint64 seq = kind == u"forge"_s ? last + 1 : 0;
        QCOMPARE(
            raw.exec(u"INSERT INTO audit_log (seq, at_ms, user_id, user_name, role, merchant_id, via, "
                     "credential_id, origin, operation, objects, reason, outcome, detail, hash) "
                     "SELECT %1, at_ms + 1, user_id, 'ana', 'owner', merchant_id, via, credential_id, origin, "
                     "'payout', objects, 'approved by phone', 'ok', '', hash FROM audit_log WHERE seq = %2"_s.arg(seq)
                         .arg(target)),
            QString());
        expectedBad = seq;
    }
    auto after = AuditLog::verify(db);
    QVERIFY2(after, qPrintable(after ? QString() : after.error().toString()));
    QVERIFY2(after->firstBadSeq, "the tampering was not found");
    QCOMPARE(*after->firstBadSeq, expectedBad);
    QVERIFY(!after->problem.isEmpty());
    m_f.reset(); // the ledger check in cleanup would read a store an attacker wrote
}

void TestAuditLog::listFiltersByUserAndEntity()
{
    runCommands();
    const QList<AuditRecord> everything = all();
    const auto expected = [&](const std::function<bool(const AuditRecord&)>& keep) {
        QList<qint64> out;
        for (const AuditRecord& r : everything) {
            if (keep(r))
                out << r.seq;
        }
        return out;
    };
    const QString payment = u"payment:"_s + m_payment.id.toString();

    AuditQuery byUser;
    byUser.user = u"ANA"_s; // user names are compared case-insensitively
    const QList<AuditRecord> anas = list(byUser);
    QCOMPARE(anas.size(), 3);
    QCOMPARE(seqs(anas), expected([](const AuditRecord& r) { return r.userName == u"ana"_s; }));

    AuditQuery byKind;
    byKind.entity = u"payment"_s;
    const QList<qint64> payments = seqs(list(byKind));
    QCOMPARE(payments, expected([](const AuditRecord& r) {
                 return std::any_of(r.objects.begin(), r.objects.end(),
                                    [](const QString& o) { return o.startsWith(u"payment:"_s); });
             }));
    QVERIFY(payments.size() >= 5); // the setup's authorization and capture, and four refunds

    AuditQuery byEntity;
    byEntity.entity = payment;
    const QList<qint64> ofPayment = seqs(list(byEntity));
    QCOMPARE(ofPayment, expected([&](const AuditRecord& r) { return r.objects.contains(payment); }));
    QVERIFY(ofPayment.size() < payments.size()); // not the payment 987654321 nobody has
    QVERIFY(ofPayment.size() >= 4);

    AuditQuery combined;
    combined.user = u"ana"_s;
    combined.entity = payment;
    QCOMPARE(list(combined).size(), 1); // the refund; not the wrong id, not the recount
}

void TestAuditLog::listFiltersByTimeMerchantAndPage()
{
    runCommands();
    const QList<AuditRecord> everything = all();
    const auto expected = [&](const std::function<bool(const AuditRecord&)>& keep) {
        QList<qint64> out;
        for (const AuditRecord& r : everything) {
            if (keep(r))
                out << r.seq;
        }
        return out;
    };
    AuditQuery since;
    since.sinceMs = m_startMs + 60'000;
    const QList<AuditRecord> recent = list(since);
    QCOMPARE(recent.size(), 4);
    QCOMPARE(seqs(recent), expected([&](const AuditRecord& r) { return r.atMs >= m_startMs + 60'000; }));

    AuditQuery ofMerchant;
    ofMerchant.merchantId = m_f->merchantId();
    const QList<AuditRecord> merchantRows = list(ofMerchant);
    // the rows about the merchant: its own people's, and what support and the local owner did to
    // its objects
    QVERIFY2(merchantRows.size() > 4, qPrintable(QString::number(merchantRows.size())));
    QCOMPARE(seqs(merchantRows), expected([&](const AuditRecord& r) { return r.merchantId == m_f->merchantId(); }));

    AuditQuery newest;
    newest.limit = 1;
    const QList<AuditRecord> one = list(newest);
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first().seq, everything.first().seq);
    AuditQuery older = newest;
    older.beforeSeq = one.first().seq;
    older.limit = 2;
    QCOMPARE(seqs(list(older)), (QList<qint64>{everything[1].seq, everything[2].seq}));
}

void TestAuditLog::merchantPrincipalsReadTheirMerchantsRows()
{
    // through the Client: an owner's listing is its merchant's rows whatever it asks; support's
    // is everyone's
    runCommands();
    actAs(m_ana);
    const auto own = wait(m_f->client().auditLog(AuditQuery{}));
    QVERIFY2(own, qPrintable(own ? QString() : own.error().toString()));
    QVERIFY(own->size() > 4);
    bool seesSupport = false;
    for (const AuditRecord& r : *own) {
        QCOMPARE(r.merchantId, m_f->merchantId());
        seesSupport = seesSupport || r.userName == u"sue"_s; // support's refund of its payment
    }
    QVERIFY(seesSupport);
    AuditQuery other;
    other.merchantId = Id{987654321};
    const auto others = wait(m_f->client().auditLog(other));
    QVERIFY(!others);
    QCOMPARE(others.error().code, ErrorCode::NotFound);
    actAs(m_sue);
    const auto everyone = wait(m_f->client().auditLog(AuditQuery{}));
    QVERIFY2(everyone, qPrintable(everyone ? QString() : everyone.error().toString()));
    QVERIFY(everyone->size() > own->size());
}

void TestAuditLog::listLimitIsBounded_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("valid");
    QTest::addRow("0") << 0 << false;
    QTest::addRow("-1") << -1 << false;
    QTest::addRow("1") << 1 << true;
    QTest::addRow("LimitMax") << AuditQuery::LimitMax << true;
    QTest::addRow("LimitMax + 1") << AuditQuery::LimitMax + 1 << false;
}

void TestAuditLog::listLimitIsBounded()
{
    QFETCH(int, limit);
    QFETCH(bool, valid);
    AuditQuery query;
    query.limit = limit;
    auto rows = wait(m_f->client().engine().read<QList<AuditRecord>>(
        [query](QSqlDatabase& db) { return AuditLog::list(db, query); }));
    QCOMPARE(bool(rows), valid);
    if (valid)
        return;
    QCOMPARE(rows.error().code, ErrorCode::Invalid);
    QCOMPARE(rows.error().field, u"limit"_s);
}

void TestAuditLog::triggersRefuseUpdateAndDelete()
{
    runCommands();
    const qint64 rows = count(u"audit_log"_s);
    const QString path = m_f->storePath();
    m_f->close();
    {
        RawStore raw(path);
        const QString update = raw.exec(u"UPDATE audit_log SET reason = 'routine' WHERE seq = 2"_s);
        QVERIFY2(update.contains(u"append-only"_s), qPrintable(update));
        const QString remove = raw.exec(u"DELETE FROM audit_log WHERE seq = 2"_s);
        QVERIFY2(remove.contains(u"append-only"_s), qPrintable(remove));
        const QString clear = raw.exec(u"DELETE FROM audit_log"_s);
        QVERIFY2(clear.contains(u"append-only"_s), qPrintable(clear));
    }
    QVERIFY(m_f->reopen());
    QCOMPARE(count(u"audit_log"_s), rows);
    const AuditVerification checked = verify();
    QVERIFY2(!checked.firstBadSeq, qPrintable(checked.problem));
    // the engine's own connection is held to it as well (and logs the refusal once)
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"append-only"_s));
    auto edited =
        wait(m_f->client().engine().write<bool>(m_f->client().actor(), [](store::UnitOfWork& uow) -> Result<bool> {
            if (auto s = store::exec(uow.db(), u"UPDATE audit_log SET outcome = 'ok'"_s, {}); !s)
                return s.error();
            return true;
        }));
    QVERIFY(!edited);
    QCOMPARE(count(u"audit_log"_s), rows);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
