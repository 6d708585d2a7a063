#pragma once

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

#include "backend/catalog/BulkEdit.h"
#include "backend/catalog/CatalogImport.h"
#include "backend/catalog/Inventory.h"
#include "backend/catalog/Merchant.h"
#include "backend/catalog/Product.h"
#include "backend/catalog/ProductSummary.h"
#include "backend/core/Actor.h"
#include "backend/core/Result.h"
#include "backend/core/Change.h"

namespace souk {

/// Progress of a long command, shared between the caller (reads, cancels) and the engine
/// (writes). Thread-safe.
struct TaskProgress
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::atomic<bool> cancelRequested{false};
};
using TaskProgressPtr = std::shared_ptr<TaskProgress>;

/// Everything a console or a script can ask of Souk. LocalClient runs it on an embedded engine;
/// RemoteClient (later) over HTTPS; both pass the same contract tests. Every method returns at
/// once; results arrive as futures (use souk::onReady on the GUI thread). Every command runs as
/// actor(). `changed` carries the change feed after each commit, on the client's thread.
class Client : public QObject
{
    Q_OBJECT
public:
    explicit Client(QObject* parent = nullptr) : QObject(parent) {}
    ~Client() override = default;

    /// Who the commands of this client run as.
    virtual Actor actor() const = 0;
    /// A short human description: "/home/ana/shop.souk" or "https://node-1:8443".
    virtual QString location() const = 0;

    // merchants and locations
    virtual QFuture<Result<QList<catalog::Merchant>>> merchants() = 0;
    virtual QFuture<Result<QList<catalog::Location>>> locations(Id merchantId) = 0;

    // products
    virtual QFuture<Result<catalog::ProductPage>> productPage(const catalog::ProductPageQuery& query) = 0;
    virtual QFuture<Result<QList<catalog::ProductSummary>>> productSummaries(const QList<Id>& productIds) = 0;
    /// Ids of the merchant's products whose title, SKU or barcode contains `text` (any script).
    virtual QFuture<Result<QList<Id>>> searchProducts(Id merchantId, const QString& text, int limit) = 0;
    virtual QFuture<Result<catalog::Product>> product(Id productId) = 0;
    /// Creates (id null) or updates (id set, version = the version read) a product with its variants.
    virtual QFuture<Result<catalog::Product>> saveProduct(const catalog::Product& product) = 0;
    virtual QFuture<Result<catalog::BulkResult>> bulkEdit(const catalog::BulkEdit& edit) = 0;
    /// Puts back what `done` changed; VersionConflict if any of it changed since.
    virtual QFuture<Result<catalog::BulkResult>> undoBulkEdit(const catalog::BulkResult& done) = 0;
    /// Distinct non-empty categories of the merchant, sorted.
    virtual QFuture<Result<QStringList>> categories(Id merchantId) = 0;

    // inventory
    virtual QFuture<Result<QList<catalog::StockLevel>>> stockLevels(Id productId) = 0;
    virtual QFuture<Result<QList<catalog::StockMovement>>> movements(Id variantId, int limit) = 0;
    virtual QFuture<Result<catalog::StockLevel>> adjustStock(const catalog::StockAdjustment& adjustment) = 0;

    // import / export
    /// Parses and validates a file without writing anything.
    virtual QFuture<Result<catalog::ImportPlan>> planImport(Id merchantId, const QByteArray& csv,
                                                            catalog::CsvFormat format, TaskProgressPtr progress) = 0;
    /// Writes a valid plan: every row or none. Products are matched by handle (update) or created.
    virtual QFuture<Result<catalog::ImportSummary>> runImport(Id merchantId, const catalog::ImportPlan& plan,
                                                              TaskProgressPtr progress) = 0;
    virtual QFuture<Result<QByteArray>> exportCatalog(Id merchantId, catalog::CsvFormat format) = 0;

signals:
    /// Changes committed by anyone, in seq order, delivered on this object's thread.
    void changed(const souk::ChangeList& changes);
};

} // namespace souk
