#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include "backend/payments/Payment.h"
#include "backend/store/UnitOfWork.h"

namespace souk::payments {

/// One leg of a journal entry: debit positive, credit negative.
struct Leg
{
    Id merchantId; ///< null for platform accounts
    AccountKind account = AccountKind::ProviderClearing;
    QString currency;
    qint64 amountMinor = 0;
};

/// The double-entry ledger. Entries are immutable: a mistake is corrected by reverse(). Every
/// entry must balance per currency before anything is written. Entries form a hash chain in id
/// order: each keeps the SHA-256 of the previous entry's hash, its own row and its postings,
/// so `verify` finds an amount edited in the file. (The chain cannot show that its newest
/// entries were cut off; the balances and the payments' own columns still disagree then.)
/// Writer thread for post, reverse and seal; the reads run on any connection. On a shared
/// database (PostgreSQL, several nodes) the chain's head is a point of order: see lock().
class Ledger final
{
public:
    /// On PostgreSQL, the advisory lock a transaction that moves money holds to its COMMIT ("Souk", 5).
    static constexpr qint64 MoneyLock = 0x536F756B'00000005;
    /// Makes the rest of the transaction the only one of any node that moves money until it
    /// commits, so that what a command reads before it writes (balances to pay out, whether an
    /// entry was reversed, a payment's open disputes) is still true when it commits, and the
    /// chain grows in commit order: this node's ids are moved past the newest entry's, which a
    /// clock behind another node's could otherwise not be. Post, reverse and the payment
    /// commands' first read take it; a no-op on SQLite, whose file has one writer. Writer thread.
    static Status lock(store::UnitOfWork& uow);
    /// Writes one balanced entry (zero legs are dropped) and moves the account balances;
    /// `reverses` names the entry it mirrors (reverse() sets it).
    static Result<Id> post(store::UnitOfWork& uow, const QString& kind, Id paymentId, const QString& memo,
                           const QList<Leg>& legs, Id reverses = {});
    /// Posts the mirror image of `entryId`, linked to it; an entry is reversed once at most, and
    /// `memo` (why) is required.
    static Result<Id> reverse(store::UnitOfWork& uow, Id entryId, const QString& memo);
    /// Gives every entry without a hash (from before the chain) its hash, in id order, and
    /// returns the newest entry's hash. Post does it when it finds the newest entry unsealed;
    /// maintenance does it too, so a quiet upgraded store is sealed without waiting for money.
    static Result<QByteArray> seal(store::UnitOfWork& uow);
    /// OK when every currency's legs sum to zero; the legs must not be empty.
    static Status checkBalanced(const QList<Leg>& legs);

    static Result<QList<AccountBalance>> balances(QSqlDatabase& db, Id merchantId = {});
    static Result<qint64> balance(QSqlDatabase& db, Id merchantId, AccountKind account, const QString& currency);
    static Result<QList<Posting>> postingsOfPayments(QSqlDatabase& db, const QList<Id>& paymentIds);
    /// Recomputes every balance from the postings, checks every entry and the whole ledger
    /// balance per currency, and walks the hash chain. Returns the problems found (empty: all
    /// good), each naming the entry or account.
    static Result<QStringList> verify(QSqlDatabase& db);
};

} // namespace souk::payments
