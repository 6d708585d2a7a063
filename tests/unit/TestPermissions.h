#pragma once
// TestPermissions' class and the helpers its two files share (TestPermissions.cpp: the store and
// the calls of every operation but risk's; TestPermissionsRisk.cpp: the risk operations).

#include <QEventLoop>
#include <QFutureWatcher>
#include <QHash>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

#include "backend/auth/Operation.h"
#include "backend/auth/Principal.h"
#include "backend/client/LocalClient.h"
#include "backend/core/Clock.h"
#include "backend/catalog/BulkEdit.h"
#include "backend/catalog/CatalogImport.h"
#include "backend/catalog/Product.h"
#include "backend/catalog/ProductEdit.h"
#include "backend/payments/PaymentProvider.h"
#include "tests/support/StoreFixture.h"

namespace souk::test::permissions {

using namespace Qt::StringLiterals;
using payments::CardInput;
using payments::SimulatedProvider;

template <typename T> T wait(QFuture<T> f)
{
    return StoreFixture::wait(std::move(f));
}

/// What one Client method answered: nothing when it succeeded.
struct Outcome
{
    const char* method;
    std::optional<Error> error;
};

/// Waits for `future` running the test thread's event loop: some answers (a sign-in) are
/// completed by a callback on the client's thread.
template <typename T> Outcome outcome(const char* method, QFuture<Result<T>> future)
{
    if (!future.isFinished()) {
        QFutureWatcher<Result<T>> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    const Result<T> result = future.result();
    return Outcome{method, result ? std::nullopt : std::optional<Error>(result.error())};
}

/// The same wait, for the value.
template <typename T> Result<T> outcomeValue(QFuture<Result<T>> future)
{
    outcome("", future);
    return future.result();
}

inline QString describe(const Outcome& o)
{
    return QString::fromLatin1(o.method) + u": "_s + (o.error ? o.error->toString() : u"ok"_s);
}

inline CardInput card()
{
    return CardInput{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s};
}

template <typename T> T checked(Result<T> result, const char* what)
{
    if (!result) {
        QTest::qFail(qPrintable(QString::fromLatin1(what) + u": "_s + result.error().toString()), __FILE__, __LINE__);
        return T{};
    }
    return std::move(result).value();
}

} // namespace souk::test::permissions

using souk::Id;
using souk::LocalClient;
using souk::MockClock;
using souk::auth::Operation;
using souk::auth::Role;
using souk::test::StoreFixture;
using souk::test::permissions::Outcome;

/// The permission table, end to end on a local store: for every operation a Client method can
/// ask and every role, the engine lets the role through exactly where auth::allowed() says so.
/// A refusal is Forbidden, leaves every table as it was and is written to the audit log; an
/// allowed call is never Forbidden, and here (the store holds what each call needs) succeeds.
///
/// One store is made once (initTestCase) with an object for every operation; each data row
/// works on a copy of its file, so no row sees another row's changes.
class TestPermissions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyReachableOperationHasACall();
    void matrix_data();
    void matrix();
    void nobodyIsUnauthenticated();
    /// A store without users is its owner's: the local owner keeps its risk policy (rules, lists,
    /// models), which a merchant's signed-in owner may not touch.
    void storeOwnerKeepsTheRiskPolicy();

private:
    using Call = std::function<QList<Outcome>(LocalClient&)>;
    /// The Client methods of each operation, as its rows call them.
    QMap<Operation, Call> calls() const;
    void addCatalogCalls(QMap<Operation, Call>& c, const QString& key) const;
    void addStockAndImportCalls(QMap<Operation, Call>& c, const QString& key) const;
    void addOrderCalls(QMap<Operation, Call>& c, const QString& key) const;
    void addPaymentCalls(QMap<Operation, Call>& c, const QString& key) const;
    void addPeopleCalls(QMap<Operation, Call>& c) const;
    void addRiskCalls(QMap<Operation, Call>& c) const;
    /// Rules that hold a payment for review, a draft, a list, and a held checkout's review.
    void addRisk();
    /// A user of every role, and kim with an API key; each role's user signed in once.
    void addPeople();
    souk::auth::Principal principalFor(Role role) const;
    /// A client on a fresh copy of the prepared store, acting as `principal`.
    std::unique_ptr<LocalClient> openCopy(const QTemporaryDir& dir, const souk::auth::Principal& principal);

    MockClock m_clock;
    std::unique_ptr<StoreFixture> m_f;
    QString m_templatePath;
    QMap<QString, QByteArray> m_templateContents;
    Id m_merchant;
    Id m_location;
    Id m_customer;
    souk::catalog::Product m_mug;
    souk::catalog::ProductEdit m_plateEdit;
    souk::catalog::BulkResult m_bowlEdit;
    souk::catalog::ImportPlan m_plan;
    Id m_pendingOrder;
    Id m_authorizedPayment;
    Id m_capturedOrder;
    Id m_capturedPayment;
    Id m_openDispute;
    Id m_reviewedDispute;
    QHash<int, souk::auth::Principal> m_signedIn; ///< by role: a user of it, signed in with a session
    Id m_kim;                                     ///< a staff user the people operations work on
    Id m_kimKey;                                  ///< an API key of kim's
    qint64 m_draftVersion = 0;                    ///< a rule set saved, never activated
    Id m_review;                                  ///< open, unclaimed: the held checkout's
    Id m_heldPayment;                             ///< that checkout's payment, assessed and held
    qint64 m_historyCutoffMs = 0;                 ///< imported history has fraud on both sides of it
    qint64 m_modelVersion = 0;                    ///< a trained model, never activated
};
