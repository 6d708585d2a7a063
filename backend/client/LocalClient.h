#pragma once

#include <memory>

#include "backend/client/Client.h"
#include "backend/core/Clock.h"
#include "backend/store/StoreOptions.h"

namespace souk::engine {
class Engine;
}

namespace souk {

/// A Client over an embedded engine in this process. Owns the engine; lives on the thread
/// that created it (the GUI thread in `souk`), and never blocks it.
class LocalClient final : public Client
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalClient)
public:
    struct Options
    {
        store::StoreOptions store;
        Actor actor{QStringLiteral("owner"), QStringLiteral("owner")};
        int nodeId = 1;
        /// Creates a first merchant ("My Store", this currency) and location when the store has none.
        QString defaultCurrency = QStringLiteral("EUR");
        QString defaultMerchantName = QStringLiteral("My Store");
        QString defaultLocationName = QStringLiteral("Main warehouse");
    };

    /// Opens (creating or migrating) the store. Runs on the calling thread before any window
    /// exists; fails with a coded error (locked, corrupt, newer, read-only, ...).
    static Result<std::unique_ptr<LocalClient>> open(const Options& options, const Clock& clock = SystemClock::instance());
    ~LocalClient() override;

    Actor actor() const override { return m_options.actor; }
    QString location() const override { return m_options.store.path; }
    engine::Engine& engine() { return *m_engine; }

    QFuture<Result<QList<catalog::Merchant>>> merchants() override;
    QFuture<Result<QList<catalog::Location>>> locations(Id merchantId) override;
    QFuture<Result<catalog::ProductPage>> productPage(const catalog::ProductPageQuery& query) override;
    QFuture<Result<QList<catalog::ProductSummary>>> productSummaries(const QList<Id>& productIds) override;
    QFuture<Result<QList<Id>>> searchProducts(Id merchantId, const QString& text, int limit) override;
    QFuture<Result<catalog::Product>> product(Id productId) override;
    QFuture<Result<catalog::Product>> saveProduct(const catalog::Product& product) override;
    QFuture<Result<catalog::BulkResult>> bulkEdit(const catalog::BulkEdit& edit) override;
    QFuture<Result<catalog::BulkResult>> undoBulkEdit(const catalog::BulkResult& done) override;
    QFuture<Result<QStringList>> categories(Id merchantId) override;
    QFuture<Result<QList<catalog::StockLevel>>> stockLevels(Id productId) override;
    QFuture<Result<QList<catalog::StockMovement>>> movements(Id variantId, int limit) override;
    QFuture<Result<catalog::StockLevel>> adjustStock(const catalog::StockAdjustment& adjustment) override;
    QFuture<Result<catalog::ImportPlan>> planImport(Id merchantId, const QByteArray& csv, catalog::CsvFormat format,
                                                    TaskProgressPtr progress) override;
    QFuture<Result<catalog::ImportSummary>> runImport(Id merchantId, const catalog::ImportPlan& plan,
                                                      TaskProgressPtr progress) override;
    QFuture<Result<QByteArray>> exportCatalog(Id merchantId, catalog::CsvFormat format) override;

private:
    LocalClient(Options options, std::unique_ptr<engine::Engine> engine);
    Options m_options;
    std::unique_ptr<engine::Engine> m_engine;
};

} // namespace souk
