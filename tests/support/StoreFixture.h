#pragma once

#include <QFuture>
#include <QSqlDatabase>
#include <QTemporaryDir>

#include <memory>

#include "backend/client/LocalClient.h"

namespace souk::test {

/// A LocalClient on a fresh store file in its own temporary folder, with one merchant (EUR,
/// "Test Shop") and one location ("Main warehouse"). Tests only; lives on the test thread.
class StoreFixture final
{
    Q_DISABLE_COPY_MOVE(StoreFixture)
public:
    /// `clock`: the engine's time (a MockClock for expiries); it must outlive the fixture.
    /// Payments go to a SimulatedProvider without latency.
    explicit StoreFixture(const QString& currency = QStringLiteral("EUR"),
                          const Clock& clock = SystemClock::instance());
    ~StoreFixture();

    bool ok() const { return m_client != nullptr; }
    LocalClient& client() { return *m_client; }
    payments::SimulatedProvider& provider() { return *m_provider; }
    Id merchantId() const { return m_merchantId; }
    Id locationId() const { return m_locationId; }
    const Currency& currency() const { return m_currency; }
    /// The store's file, or its PostgreSQL URL (a PostgreSQL twin); open or closed.
    QString storePath() const;
    QString dirPath() const { return m_dir.path(); }
    /// Closes the client and opens a new one on the same store and provider, as a restart does.
    bool reopen();
    /// The same with another provider (null: the fixture's own) and durability, for tests
    /// that stand between the engine and the card network or the disk.
    bool reopenWith(std::shared_ptr<payments::PaymentProvider> provider, store::Durability durability);
    /// The options the next reopen() uses (a retry policy, say).
    LocalClient::Options& options() { return m_options; }
    /// Closes the client (the store stays in the fixture's folder); reopen() opens it again.
    void close() { m_client.reset(); }
    /// What `soukctl check` would report on the store now (catalog, orders, payments, ledger);
    /// empty when every invariant holds. Tests that move money call it in cleanup().
    QStringList problems();

    /// A connection named `name` of the test's own to the store at `path` (not yet opened): the
    /// SQLite file, or the PostgreSQL database as its owner, for tests that act as an attacker
    /// with the file or the password would. The caller opens, closes and removes it.
    static QSqlDatabase rawConnection(const QString& path, const QString& name);

    /// Waits for a future on the test thread (tests may block; the product never does), then
    /// lets queued signals (the change feed) arrive.
    template <typename T> static T wait(QFuture<T> future)
    {
        future.waitForFinished();
        processEvents();
        return future.result();
    }

    /// Saves an active product with one variant per SKU at `priceMinor`, and receives
    /// `stock` units of each at the location. Fails the calling test (QVERIFY) on error.
    catalog::Product addProduct(const QString& title, const QStringList& skus, qint64 priceMinor, qint64 stock = 0,
                                const QString& category = {});
    /// Money in the fixture's currency.
    Money money(qint64 minor) const { return Money(minor, m_currency); }

private:
    static void processEvents();
    QTemporaryDir m_dir;
    std::shared_ptr<payments::SimulatedProvider> m_provider = std::make_shared<payments::SimulatedProvider>(0);
    LocalClient::Options m_options;
    const Clock* m_clock = nullptr;
    std::unique_ptr<LocalClient> m_client;
    Id m_merchantId;
    Id m_locationId;
    Currency m_currency;
};

} // namespace souk::test
