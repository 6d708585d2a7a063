#include "backend/payments/Ledger.h"

#include <algorithm>
#include <functional>
#include <optional>

#include <QCryptographicHash>
#include <QHash>
#include <QSqlQuery>

#include "backend/core/CanonicalBytes.h"
#include "backend/core/Money.h"
#include "backend/store/LookupCache.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;
using souk::canonical::putNumber;
using souk::canonical::putOptionalId;
using souk::canonical::putText;

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
        uow.statement(u"INSERT INTO ledger_accounts (merchant_id, kind, currency) VALUES (?, ?, ?) RETURNING id"_s);
    add.bindValue(0, leg.merchantId.value);
    add.bindValue(1, int(leg.account));
    add.bindValue(2, leg.currency);
    if (auto s = store::exec(add, u"opening a ledger account"_s); !s)
        return s.error();
    if (!add.next())
        return Error::internal(u"opening a ledger account returned no id"_s);
    const qint64 id = add.value(0).toLongLong();
    add.finish();
    return id;
}


/// An entry as the chain hashes it: the row and its postings (one per account, by account id),
/// each posting with its account's owner, kind and currency, so that moving a posting to
/// another account is found too.
struct ChainEntry
{
    qint64 id = 0;
    QString kind;
    QVariant paymentId; ///< null or an id
    QVariant reversesId;
    QString memo;
    QString actor;
    qint64 atMs = 0;
    struct Line
    {
        qint64 accountId = 0;
        qint64 merchantId = 0;
        int accountKind = 0;
        QString currency;
        qint64 amountMinor = 0;
    };
    QList<Line> lines;
};

/// SHA-256 over the previous entry's hash (none for the first entry) and the entry.
QByteArray chainHash(const QByteArray& previous, const ChainEntry& e)
{
    QByteArray data;
    data.reserve(160 + 64 * e.lines.size());
    data.append("souk-ledger-v1");
    data.append(char(previous.size()));
    data.append(previous);
    putNumber(data, e.id);
    putText(data, e.kind);
    putOptionalId(data, e.paymentId);
    putOptionalId(data, e.reversesId);
    putText(data, e.memo);
    putText(data, e.actor);
    putNumber(data, e.atMs);
    putNumber(data, e.lines.size());
    for (const ChainEntry::Line& line : e.lines) {
        putNumber(data, line.accountId);
        putNumber(data, line.merchantId);
        putNumber(data, line.accountKind);
        putText(data, line.currency);
        putNumber(data, line.amountMinor);
    }
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

/// Reads the entries (with their postings) in id order and calls `visit(entry, storedHash)` for
/// each (no hash: NULL); a failed visit stops the walk.
Status walkEntries(QSqlDatabase& db,
                   const std::function<Status(const ChainEntry&, const std::optional<QByteArray>&)>& visit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT e.id, e.kind, e.payment_id, e.reverses_id, e.memo, e.actor, e.at_ms, e.hash, "
              "p.account_id, a.merchant_id, a.kind, a.currency, p.amount_minor FROM journal_entries e "
              "LEFT JOIN postings p ON p.entry_id = e.id LEFT JOIN ledger_accounts a ON a.id = p.account_id "
              "ORDER BY e.id, p.account_id"_s);
    if (auto s = store::exec(q, u"reading the ledger's chain"_s); !s)
        return s;
    std::optional<ChainEntry> entry;
    std::optional<QByteArray> stored; // none: the column is NULL (an entry from before the chain)
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (!entry || entry->id != id) {
            if (entry) {
                if (auto s = visit(*entry, stored); !s)
                    return s;
            }
            entry.emplace();
            entry->id = id;
            entry->kind = q.value(1).toString();
            entry->paymentId = q.value(2);
            entry->reversesId = q.value(3);
            entry->memo = q.value(4).toString();
            entry->actor = q.value(5).toString();
            entry->atMs = q.value(6).toLongLong();
            stored = q.value(7).isNull() ? std::nullopt : std::optional<QByteArray>(q.value(7).toByteArray());
        }
        if (!q.value(8).isNull()) {
            entry->lines.append(ChainEntry::Line{q.value(8).toLongLong(), q.value(9).toLongLong(), q.value(10).toInt(),
                                                 q.value(11).toString(), q.value(12).toLongLong()});
        }
    }
    if (entry)
        return visit(*entry, stored);
    return {};
}

using ChainHead = std::optional<std::pair<qint64, QByteArray>>;

/// The head Ledger::lock read after its wait, for the command's next seal: nothing is written
/// to the ledger between the two (post seals before it inserts), so it is still the newest.
struct LockedHead
{
    bool locked = false;
    std::optional<ChainHead> head;
};

/// The newest entry's id and hash (empty when it has none), or nothing when the ledger is empty.
Result<ChainHead> readChainHead(store::UnitOfWork& uow)
{
    store::Statement& q = uow.statement(u"SELECT id, hash FROM journal_entries ORDER BY id DESC LIMIT 1"_s);
    if (auto s = store::exec(q, u"reading the ledger's newest entry"_s); !s)
        return s.error();
    ChainHead head;
    if (q.next())
        head.emplace(q.value(0).toLongLong(), q.value(1).toByteArray());
    q.finish();
    return head;
}

/// The newest entry: as the lock read it, the first time after the lock, else read now.
Result<ChainHead> chainHead(store::UnitOfWork& uow)
{
    const auto locked = uow.attachment<LockedHead>(u"ledger-locked"_s);
    if (locked->head) {
        ChainHead head = std::move(*locked->head);
        locked->head.reset();
        return head;
    }
    return readChainHead(uow);
}

} // namespace

Status Ledger::lock(store::UnitOfWork& uow)
{
    if (!store::isPostgres(uow.db()))
        return {};
    // once per command: the lock stays held to COMMIT (or goes with the command's savepoint, and
    // the command with it), so no other node has written an entry since this command read the newest
    const auto locked = uow.attachment<LockedHead>(u"ledger-locked"_s);
    if (locked->locked)
        return {};
    if (auto s = store::lockUntilCommit(uow.db(), MoneyLock, u"waiting for the ledger"_s); !s)
        return s;
    // a statement of its own: its snapshot is taken after the wait, so it sees what the node
    // that held the lock committed. New ids go past the newest, and the next seal links to it.
    auto head = readChainHead(uow);
    if (!head)
        return head.error();
    if (*head)
        uow.advanceIdsPast(Id{(*head)->first});
    locked->head = std::move(*head);
    locked->locked = true;
    return {};
}

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
    if (auto s = lock(uow); !s) // before an account is looked up or opened
        return s.error();
    // one posting per account: legs on the same account are summed first
    ChainEntry chained;
    for (const Leg& leg : nonZero) {
        auto account = accountId(uow, leg);
        if (!account)
            return account.error();
        auto same = std::find_if(chained.lines.begin(), chained.lines.end(),
                                 [&](const ChainEntry::Line& line) { return line.accountId == *account; });
        if (same == chained.lines.end()) {
            chained.lines.append({*account, leg.merchantId.value, int(leg.account), leg.currency, leg.amountMinor});
            continue;
        }
        auto sum = checkedAdd(same->amountMinor, leg.amountMinor, u"amount"_s);
        if (!sum)
            return sum.error();
        same->amountMinor = *sum;
    }
    std::sort(chained.lines.begin(), chained.lines.end(),
              [](const ChainEntry::Line& a, const ChainEntry::Line& b) { return a.accountId < b.accountId; });
    // the chain links to the newest entry; a ledger from before the chain is sealed first, once
    auto head = seal(uow);
    if (!head)
        return head.error();
    const QByteArray previous = *head;
    const auto idOrNull = [](Id id) {
        return id.isNull() ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(id.value);
    };
    const Id entryId = uow.newId();
    chained.id = entryId.value;
    chained.kind = kind;
    chained.paymentId = idOrNull(paymentId);
    chained.reversesId = idOrNull(reverses);
    chained.memo = store::nonNull(memo);
    chained.actor = uow.actor().toString();
    chained.atMs = uow.nowMs();
    store::Statement& e =
        uow.statement(u"INSERT INTO journal_entries (id, kind, payment_id, reverses_id, memo, actor, at_ms, hash) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    e.bindValue(0, entryId.value);
    e.bindValue(1, chained.kind);
    e.bindValue(2, chained.paymentId);
    e.bindValue(3, chained.reversesId);
    e.bindValue(4, chained.memo);
    e.bindValue(5, chained.actor);
    e.bindValue(6, chained.atMs);
    e.bindValue(7, QVariant(chainHash(previous, chained)));
    if (auto s = store::exec(e, u"writing a journal entry"_s); !s)
        return s.error();
    store::Statement& p =
        uow.statement(u"INSERT INTO postings (entry_id, account_id, amount_minor) VALUES (?, ?, ?)"_s);
    // SQLite turns an integer sum beyond int64 into a REAL: the row is only moved when the new
    // balance fits (each CASE arm is itself overflow-free), otherwise nothing matches and the
    // command fails, rolling the entry back
    store::Statement& b = uow.statement(
        u"UPDATE ledger_accounts SET balance_minor = balance_minor + ? WHERE id = ? AND CASE WHEN CAST(? AS BIGINT) > "
        u"0 "
        "THEN balance_minor <= 9223372036854775807 - ? ELSE balance_minor >= (-9223372036854775807 - 1) - ? END"_s);
    for (const ChainEntry::Line& line : std::as_const(chained.lines)) {
        p.bindValue(0, entryId.value);
        p.bindValue(1, line.accountId);
        p.bindValue(2, line.amountMinor);
        if (auto s = store::exec(p, u"writing a posting"_s); !s)
            return s.error();
        b.bindValue(0, line.amountMinor);
        b.bindValue(1, line.accountId);
        b.bindValue(2, line.amountMinor);
        b.bindValue(3, line.amountMinor);
        b.bindValue(4, line.amountMinor);
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
    if (auto s = lock(uow); !s) // whether it was reversed already stays true to COMMIT
        return s.error();
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

Result<QByteArray> Ledger::seal(store::UnitOfWork& uow)
{
    if (auto s = lock(uow); !s) // the head read here is the one the next entry links to
        return s.error();
    // entries are sealed in order and post() seals before it links: a hashed head means that
    // every entry has its hash
    auto head = chainHead(uow);
    if (!head)
        return head.error();
    if (!*head || !(*head)->second.isEmpty())
        return *head ? (*head)->second : QByteArray();
    // Only the leading run of entries without a hash is from before the chain, and sealed; one
    // after a hashed entry was put there around Ledger::post (the insert trigger refuses it),
    // so it stays unsealed for `verify` to name. The chain links past it as verify computes it.
    // Collected first, written after: no update runs under the walk's open cursor.
    QList<std::pair<qint64, QByteArray>> unsealed;
    QByteArray previous;
    bool hashedSeen = false;
    const Status walked =
        walkEntries(uow.db(), [&](const ChainEntry& entry, const std::optional<QByteArray>& stored) -> Status {
            if (stored) {
                hashedSeen = true;
                previous = *stored;
                return {};
            }
            previous = chainHash(previous, entry);
            if (!hashedSeen)
                unsealed.append({entry.id, previous});
            return {};
        });
    if (!walked)
        return walked.error();
    store::Statement& u = uow.statement(u"UPDATE journal_entries SET hash = ? WHERE id = ? AND hash IS NULL"_s);
    for (const auto& [id, hash] : std::as_const(unsealed)) {
        u.bindValue(0, QVariant(hash));
        u.bindValue(1, id);
        if (auto s = store::exec(u, u"sealing a journal entry"_s); !s)
            return s.error();
    }
    return previous;
}

Result<QList<AccountBalance>> Ledger::balances(QSqlDatabase& db, Id merchantId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT merchant_id, kind, currency, balance_minor FROM ledger_accounts "
              "WHERE CAST(? AS BIGINT) = 0 OR merchant_id = ? ORDER BY merchant_id, currency, kind"_s);
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
    store::Statement& q = store::Connection::statement(
        db, u"SELECT e.id, e.kind, a.merchant_id, a.kind, a.currency, p.amount_minor, e.at_ms "
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
    q.finish();
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
    // the chain: each entry's hash covers the entry before it, itself and its postings. A
    // mismatch names the entry whose row or postings changed (its successor still matches the
    // hash stored before it), or, when only the hash was rewritten, the entry after it.
    QByteArray previous;
    bool sealedSeen = false;
    const Status walked =
        walkEntries(db, [&](const ChainEntry& entry, const std::optional<QByteArray>& stored) -> Status {
            const QByteArray expected = chainHash(previous, entry);
            if (!stored) {
                if (sealedSeen) // only entries from before the chain may lack a hash
                    problems.append(u"journal entry %1 has no hash, yet entries before it have one"_s.arg(entry.id));
                previous = expected;
                return {};
            }
            sealedSeen = true;
            if (*stored != expected) {
                problems.append(u"journal entry %1 does not match its hash: the entry, its postings or their "
                                "accounts changed after it was written"_s.arg(entry.id));
            }
            previous = *stored;
            return {};
        });
    if (!walked)
        return walked.error();
    return problems;
}

} // namespace souk::payments
