#include "backend/payments/Ledger.h"

#include <algorithm>

#include <QHash>
#include <QSqlQuery>

#include "backend/core/Money.h"
#include "backend/store/LookupCache.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::payments {
namespace {

/// The account's id, created on first use (accounts per merchant, kind and currency). A read
/// first: the account nearly always exists, and an upsert would rewrite its row each time.
Result<qint64> accountId(store::UnitOfWork& uow, const Leg& leg)
{
    store::LookupCache* cache = uow.lookups();
    const QString key =
        cache ? u"account\x1f%1\x1f%2\x1f%3"_s.arg(leg.merchantId.value).arg(int(leg.account)).arg(leg.currency)
              : QString();
    if (const QVariantList* hit = cache ? cache->find(key) : nullptr)
        return hit->at(0).toLongLong();
    store::Statement& q =
        uow.statement(u"SELECT id FROM ledger_accounts WHERE merchant_id = ? AND kind = ? AND currency = ?"_s);
    q.bindValue(0, leg.merchantId.value);
    q.bindValue(1, int(leg.account));
    q.bindValue(2, leg.currency);
    if (auto s = store::exec(q, u"finding a ledger account"_s); !s)
        return s.error();
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        if (cache)
            cache->insert(key, {id});
        return id;
    }
    store::Statement& add =
        uow.statement(u"INSERT INTO ledger_accounts (merchant_id, kind, currency) VALUES (?, ?, ?)"_s);
    add.bindValue(0, leg.merchantId.value);
    add.bindValue(1, int(leg.account));
    add.bindValue(2, leg.currency);
    if (auto s = store::exec(add, u"opening a ledger account"_s); !s)
        return s.error();
    return add.lastInsertId();
}

} // namespace

Status Ledger::checkBalanced(const QList<Leg>& legs)
{
    if (legs.isEmpty())
        return Error::internal(u"a journal entry needs postings"_s);
    QHash<QString, qint64> sums;
    for (const Leg& leg : legs) {
        qint64& sum = sums[leg.currency];
        auto next = checkedAdd(sum, leg.amountMinor, u"amount"_s);
        if (!next)
            return next.error();
        sum = *next;
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        if (it.value() != 0) // a bug in the caller, never a user error: refuse before writing
            return Error::internal(u"journal entry does not balance in %1 (off by %2)"_s.arg(it.key()).arg(it.value()));
    }
    return {};
}

Result<Id> Ledger::post(store::UnitOfWork& uow, const QString& kind, Id paymentId, const QString& memo,
                        const QList<Leg>& legs, Id reverses)
{
    QList<Leg> nonZero;
    for (const Leg& leg : legs) {
        if (leg.amountMinor != 0)
            nonZero.append(leg);
    }
    if (auto s = checkBalanced(nonZero); !s)
        return s.error();
    const Id entryId = uow.newId();
    store::Statement& e =
        uow.statement(u"INSERT INTO journal_entries (id, kind, payment_id, reverses_id, memo, actor, at_ms) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    const auto idOrNull = [](Id id) {
        return id.isNull() ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(id.value);
    };
    e.bindValue(0, entryId.value);
    e.bindValue(1, kind);
    e.bindValue(2, idOrNull(paymentId));
    e.bindValue(3, idOrNull(reverses));
    e.bindValue(4, store::nonNull(memo));
    e.bindValue(5, uow.actor().toString());
    e.bindValue(6, uow.nowMs());
    if (auto s = store::exec(e, u"writing a journal entry"_s); !s)
        return s.error();
    // one posting per account: legs on the same account are summed first
    QList<std::pair<qint64, qint64>> postings; // account id, amount
    for (const Leg& leg : nonZero) {
        auto account = accountId(uow, leg);
        if (!account)
            return account.error();
        auto same = std::find_if(postings.begin(), postings.end(), [&](const auto& p) { return p.first == *account; });
        if (same == postings.end()) {
            postings.append({*account, leg.amountMinor});
            continue;
        }
        auto sum = checkedAdd(same->second, leg.amountMinor, u"amount"_s);
        if (!sum)
            return sum.error();
        same->second = *sum;
    }
    store::Statement& p =
        uow.statement(u"INSERT INTO postings (entry_id, account_id, amount_minor) VALUES (?, ?, ?)"_s);
    // SQLite turns an integer sum beyond int64 into a REAL: the row is only moved when the new
    // balance fits (each CASE arm is itself overflow-free), otherwise nothing matches and the
    // command fails, rolling the entry back
    store::Statement& b = uow.statement(
        u"UPDATE ledger_accounts SET balance_minor = balance_minor + ? WHERE id = ? AND CASE WHEN ? > 0 "
        "THEN balance_minor <= 9223372036854775807 - ? ELSE balance_minor >= (-9223372036854775807 - 1) - ? END"_s);
    for (const auto& [account, amount] : postings) {
        p.bindValue(0, entryId.value);
        p.bindValue(1, account);
        p.bindValue(2, amount);
        if (auto s = store::exec(p, u"writing a posting"_s); !s)
            return s.error();
        b.bindValue(0, amount);
        b.bindValue(1, account);
        b.bindValue(2, amount);
        b.bindValue(3, amount);
        b.bindValue(4, amount);
        if (auto s = store::exec(b, u"moving an account balance"_s); !s)
            return s.error();
        if (b.numRowsAffected() != 1)
            return Error::overflow(u"amount"_s);
    }
    return entryId;
}

Result<Id> Ledger::reverse(store::UnitOfWork& uow, Id entryId, const QString& memo)
{
    if (memo.trimmed().isEmpty())
        return Error::invalid(u"memo"_s, u"say why the entry is reversed"_s);
    QSqlQuery q(uow.db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT a.merchant_id, a.kind, a.currency, p.amount_minor, e.payment_id, "
              "EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_id = e.id) FROM postings p "
              "JOIN ledger_accounts a ON a.id = p.account_id JOIN journal_entries e ON e.id = p.entry_id "
              "WHERE p.entry_id = ?"_s);
    q.bindValue(0, entryId.value);
    if (auto s = store::exec(q, u"reading an entry to reverse"_s); !s)
        return s.error();
    QList<Leg> legs;
    Id paymentId;
    bool reversed = false;
    while (q.next()) {
        auto mirrored = checkedNegate(q.value(3).toLongLong(), u"entryId"_s); // INT64_MIN has no mirror
        if (!mirrored)
            return mirrored.error();
        legs.append(
            Leg{Id{q.value(0).toLongLong()}, AccountKind(q.value(1).toInt()), q.value(2).toString(), *mirrored});
        paymentId = Id{q.value(4).toLongLong()};
        reversed = q.value(5).toBool();
    }
    q.finish();
    if (legs.isEmpty())
        return Error::notFound(u"entryId"_s, u"no such journal entry"_s);
    if (reversed) // a second mirror image would book the mistake again, the other way round
        return Error::conflict(u"entryId"_s, u"the entry was reversed already"_s);
    // the link is written with the reversal: entries are never updated (a trigger refuses it)
    return post(uow, u"reversal"_s, paymentId, memo.trimmed(), legs, entryId);
}

Result<QList<AccountBalance>> Ledger::balances(QSqlDatabase& db, Id merchantId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT merchant_id, kind, currency, balance_minor FROM ledger_accounts "
              "WHERE ? = 0 OR merchant_id = ? ORDER BY merchant_id, currency, kind"_s);
    q.bindValue(0, merchantId.value);
    q.bindValue(1, merchantId.value);
    if (auto s = store::exec(q, u"reading ledger balances"_s); !s)
        return s.error();
    QList<AccountBalance> out;
    while (q.next()) {
        out.append(AccountBalance{Id{q.value(0).toLongLong()}, AccountKind(q.value(1).toInt()), q.value(2).toString(),
                                  q.value(3).toLongLong()});
    }
    return out;
}

Result<qint64> Ledger::balance(QSqlDatabase& db, Id merchantId, AccountKind account, const QString& currency)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT balance_minor FROM ledger_accounts WHERE merchant_id = ? AND kind = ? AND currency = ?"_s);
    q.bindValue(0, merchantId.value);
    q.bindValue(1, int(account));
    q.bindValue(2, currency);
    if (auto s = store::exec(q, u"reading a ledger balance"_s); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QList<Posting>> Ledger::postingsOfPayments(QSqlDatabase& db, const QList<Id>& paymentIds)
{
    QList<Posting> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT e.id, e.kind, a.merchant_id, a.kind, a.currency, p.amount_minor, e.at_ms "
        "FROM journal_entries e JOIN postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id "
        "WHERE e.payment_id = ? ORDER BY e.id, a.kind"_s);
    for (Id id : paymentIds) {
        q.bindValue(0, id.value);
        if (auto s = store::exec(q, u"reading postings"_s); !s)
            return s.error();
        while (q.next()) {
            out.append(Posting{Id{q.value(0).toLongLong()}, q.value(1).toString(), Id{q.value(2).toLongLong()},
                               AccountKind(q.value(3).toInt()), q.value(4).toString(), q.value(5).toLongLong(),
                               q.value(6).toLongLong()});
        }
    }
    return out;
}

Result<QStringList> Ledger::verify(QSqlDatabase& db)
{
    QStringList problems;
    const auto collect = [&db, &problems](const QString& sql, const QString& what) -> Status {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(sql))
            return store::sqlError(q.lastError(), what);
        while (q.next())
            problems.append(q.value(0).toString());
        return {};
    };
    if (auto s = collect(u"SELECT 'journal entry ' || p.entry_id || ' does not balance in ' || a.currency "
                         "|| ' (off by ' || sum(p.amount_minor) || ')' FROM postings p "
                         "JOIN ledger_accounts a ON a.id = p.account_id GROUP BY p.entry_id, a.currency "
                         "HAVING sum(p.amount_minor) <> 0"_s,
                         u"checking journal entries"_s);
        !s)
        return s.error();
    if (auto s = collect(u"SELECT 'account ' || a.id || ' (merchant ' || a.merchant_id || ', kind ' || a.kind || ', ' "
                         "|| a.currency || ') holds ' || a.balance_minor || ' but its postings sum to ' "
                         "|| coalesce(s.total, 0) FROM ledger_accounts a LEFT JOIN (SELECT account_id, "
                         "sum(amount_minor) AS total FROM postings GROUP BY account_id) s ON s.account_id = a.id "
                         "WHERE a.balance_minor <> coalesce(s.total, 0)"_s,
                         u"recomputing balances"_s);
        !s)
        return s.error();
    if (auto s = collect(u"SELECT 'the ledger does not balance in ' || currency || ' (off by ' || sum(balance_minor) "
                         "|| ')' FROM ledger_accounts GROUP BY currency HAVING sum(balance_minor) <> 0"_s,
                         u"checking the whole ledger"_s);
        !s)
        return s.error();
    return problems;
}

} // namespace souk::payments
