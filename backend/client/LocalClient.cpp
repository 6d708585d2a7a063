#include "backend/client/LocalClient.h"


#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

#include "backend/auth/AuditLog.h"
#include "backend/catalog/BulkEditService.h"
#include "backend/catalog/CatalogCheck.h"
#include "backend/catalog/CatalogCsv.h"
#include "backend/catalog/CatalogImporter.h"
#include "backend/catalog/InventoryService.h"
#include "backend/catalog/MerchantService.h"
#include "backend/catalog/ProductEditService.h"
#include "backend/catalog/ProductQueries.h"
#include "backend/catalog/ProductWriter.h"
#include "backend/engine/Engine.h"
#include "backend/engine/PaymentFlows.h"
#include "backend/engine/SignIn.h"
#include "backend/payments/CommandJson.h"
#include "backend/payments/CommerceCheck.h"
#include "backend/payments/Idempotency.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;
using namespace souk::catalog;
using Op = souk::auth::Operation;

Q_LOGGING_CATEGORY(lcClient, "souk.client.local")

namespace souk {
namespace {

/// A store with no merchant gets one, with a first stock location, so the console has a home.
Status ensureMerchant(engine::Engine& engine, const LocalClient::Options& options)
{
    auto future = engine.write<bool>(options.actor, [&options](store::UnitOfWork& uow) -> Result<bool> {
        auto existing = MerchantService::merchants(uow.db());
        if (!existing)
            return existing.error();
        if (!existing->isEmpty())
            return false;
        auto merchant = MerchantService::createMerchant(uow, options.defaultMerchantName, options.defaultCurrency);
        if (!merchant)
            return merchant.error();
        auto location = MerchantService::createLocation(uow, merchant->id, options.defaultLocationName);
        if (!location)
            return location.error();
        return true;
    });
    future.waitForFinished(); // startup only, before any window exists
    if (!future.result())
        return future.result().error();
    return {};
}

/// The store's secret for card fingerprints: made once, from the system's random source, and
/// kept in the store so fingerprints stay comparable across restarts.
Result<QByteArray> cardSecret(engine::Engine& engine, const LocalClient::Options& options)
{
    auto future = engine.write<QByteArray>(options.actor, [](store::UnitOfWork& uow) -> Result<QByteArray> {
        auto stored = store::scalar(uow.db(), u"SELECT value FROM settings WHERE key = 'card_fingerprint_secret'"_s);
        if (stored)
            return QByteArray::fromHex(stored->toString().toLatin1());
        if (stored.error().code != ErrorCode::NotFound)
            return stored.error();
        QByteArray secret(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()), secret.size() / 4);
        if (auto s = store::exec(uow.db(), u"INSERT INTO settings (key, value) VALUES ('card_fingerprint_secret', ?)"_s,
                                 {QString::fromLatin1(secret.toHex())});
            !s)
            return s.error();
        return secret;
    });
    future.waitForFinished(); // startup only, before any window exists
    return future.result();
}

/// Who a client opened without a principal acts as: the store's owner while the store has no
/// users (a standalone shop), nobody once it has some (they must sign in).
Result<auth::Principal> initialPrincipal(engine::Engine& engine, const LocalClient::Options& options)
{
    if (options.principal)
        return *options.principal;
    auto future = engine.read<qint64>([](QSqlDatabase& db) -> Result<qint64> {
        auto users = store::scalar(db, u"SELECT count(*) FROM users"_s);
        if (!users)
            return users.error();
        return users->toLongLong();
    });
    future.waitForFinished(); // startup only, before any window exists
    if (!future.result())
        return future.result().error();
    if (future.result().value() > 0)
        return auth::Principal::nobody();
    auth::Principal owner = auth::Principal::localOwner();
    owner.userName = options.actor.user;
    return owner;
}

/// The merchant a variant belongs to; a null id when there is no such variant.
Result<Id> variantMerchant(store::UnitOfWork& uow, Id variantId)
{
    store::Statement& q = uow.statement(u"SELECT merchant_id FROM variants WHERE id = ?"_s);
    q.bindValue(0, variantId.value);
    if (auto s = store::exec(q, u"reading a variant's merchant"_s); !s)
        return s.error();
    const Id merchant = q.next() ? Id{q.value(0).toLongLong()} : Id{};
    q.finish();
    return merchant;
}

Result<QHash<Id, qint64>> onHandByVariant(QSqlDatabase& db, Id merchantId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT s.variant_id, sum(s.on_hand) FROM stock_levels s JOIN variants v ON v.id = s.variant_id "
              "WHERE v.merchant_id = ? GROUP BY s.variant_id"_s);
    q.bindValue(0, merchantId.value);
    if (auto s = store::exec(q, u"reading stock for export"_s); !s)
        return s.error();
    QHash<Id, qint64> out;
    while (q.next())
        out.insert(Id{q.value(0).toLongLong()}, q.value(1).toLongLong());
    return out;
}

} // namespace

Result<std::unique_ptr<LocalClient>> LocalClient::open(const Options& options, const Clock& clock)
{
    if (options.idempotencyRetentionMs < payments::Idempotency::MinRetentionMs)
        return Error::invalid(u"idempotencyRetentionMs"_s, u"idempotency keys must be kept at least 24 hours"_s);
    if (options.feedRetentionMs < 3600'000)
        return Error::invalid(u"feedRetentionMs"_s, u"the change feed must be kept at least an hour"_s);
    engine::EngineOptions engineOptions;
    engineOptions.store = options.store;
    engineOptions.nodeId = options.nodeId;
#ifndef NDEBUG
    engineOptions.debugCheck = [](QSqlDatabase& db) { return payments::CommerceCheck::run(db); };
#endif
    auto engine = engine::Engine::open(engineOptions, clock);
    if (!engine)
        return engine.error();
    if (!options.store.readOnly) {
        if (auto s = ensureMerchant(**engine, options); !s)
            return s.error();
    }
    QByteArray secret;
    if (!options.store.readOnly) {
        auto made = cardSecret(**engine, options);
        if (!made)
            return made.error();
        secret = *made;
    }
    auto principal = initialPrincipal(**engine, options);
    if (!principal)
        return principal.error();
    Options resolved = options;
    resolved.store.path = (*engine)->storeOptions().path;
    if (!resolved.provider)
        resolved.provider = std::make_shared<payments::SimulatedProvider>();
    return std::unique_ptr<LocalClient>(
        new LocalClient(std::move(resolved), std::move(engine).value(), std::move(secret), std::move(*principal)));
}

LocalClient::LocalClient(Options options, std::unique_ptr<engine::Engine> engine, QByteArray cardSecret,
                         auth::Principal principal)
    : m_options(std::move(options)), m_principal(std::move(principal)), m_engine(std::move(engine))
{
    engine::PaymentFlows::Options flows;
    flows.provider = m_options.provider;
    flows.providerRetry = m_options.providerRetry;
    flows.idempotencyRetentionMs = m_options.idempotencyRetentionMs;
    flows.feedRetentionMs = m_options.feedRetentionMs;
    flows.healthCheckIntervalMs = m_options.healthCheckIntervalMs;
    flows.readOnly = m_options.store.readOnly;
    m_flows = std::make_shared<engine::PaymentFlows>(*m_engine, std::move(flows), std::move(cardSecret));
    m_signIn = std::make_shared<engine::SignIn>(*m_engine);
    m_usersExist = m_principal.via != auth::Via::Local || !m_principal.userId.isNull();
    // before any work starts: damage found by the first command is reported too
    connect(m_engine.get(), &engine::Engine::damaged, this, &Client::storeDamaged, Qt::QueuedConnection);
    startMaintenance();
    m_flows->resume();
    // committed() comes from the writer thread; the queued connection hands it to our thread
    connect(m_engine.get(), &engine::Engine::committed, this, &Client::changed);
}

LocalClient::LocalClient(const LocalClient& owner, auth::Principal principal)
    : m_options(owner.m_options), m_principal(std::move(principal)), m_usersExist(true), m_engine(owner.m_engine),
      m_flows(owner.m_flows), m_signIn(owner.m_signIn)
{
}

std::unique_ptr<LocalClient> LocalClient::actingAs(const auth::Principal& principal) const
{
    return std::unique_ptr<LocalClient>(new LocalClient(*this, principal));
}

std::optional<Error> LocalClient::storeDamage() const
{
    return m_engine->damage();
}

LocalClient::~LocalClient()
{
    // the payment work and sign-ins in flight need the engine: they end (or stop early) first
    // (a view only lets go of its share: the last holder ends them)
    m_flows.reset();
    m_signIn.reset();
}

QFuture<Result<QStringList>> LocalClient::checkStore()
{
    engine::Engine* engine = m_engine.get();
    return m_engine->read<QStringList>(ask(Op::CheckStore), [engine](QSqlDatabase& db) -> Result<QStringList> {
        auto catalogProblems = CatalogCheck::run(db);
        if (!catalogProblems)
            return catalogProblems.error();
        // damaged pages (SQLite's own integrity check) stop writes, as a quick check would; a
        // broken invariant of Souk's is reported, for a person to look at, and writes go on
        // (SQLite's integrity check also names CHECK and NOT NULL violations: bad rows, not pages)
        static const QRegularExpression damagedPage(u"^integrity: (?!CHECK constraint failed|NULL value in )"_s);
        if (const QStringList pages = catalogProblems->filter(damagedPage); !pages.isEmpty())
            engine->markDamaged(Error::store(ErrorCode::StoreCorrupt, u"failed its integrity check: "_s + pages.first()));
        auto commerceProblems = payments::CommerceCheck::run(db);
        if (!commerceProblems)
            return commerceProblems.error();
        auto audit = auth::AuditLog::verify(db); // a broken chain is a store that was edited by hand
        if (!audit)
            return audit.error();
        QStringList auditProblems;
        if (audit->firstBadSeq)
            auditProblems << u"audit log: "_s + audit->problem;
        return *catalogProblems + *commerceProblems + auditProblems;
    });
}

QFuture<Result<QList<Merchant>>> LocalClient::merchants()
{
    const auth::Principal principal = this->principal();
    return m_engine->read<QList<Merchant>>(ask(Op::ListMerchants),
                                           [principal](QSqlDatabase& db) -> Result<QList<Merchant>> {
                                               auto all = MerchantService::merchants(db);
                                               if (!all)
                                                   return all;
                                               all->removeIf([&](const Merchant& m) { return !principal.sees(m.id); });
                                               return all;
                                           });
}

QFuture<Result<QList<Location>>> LocalClient::locations(Id merchantId)
{
    return m_engine->read<QList<Location>>(
        ask(Op::ListLocations).forMerchant(merchantId), [merchantId](QSqlDatabase& db) { return MerchantService::locations(db, merchantId); });
}

QFuture<Result<ProductPage>> LocalClient::productPage(const ProductPageQuery& query)
{
    return m_engine->read<ProductPage>(ask(Op::ReadCatalog).forMerchant(query.merchantId),
                                       [query](QSqlDatabase& db) { return ProductQueries::page(db, query); });
}

QFuture<Result<QList<ProductSummary>>> LocalClient::productSummaries(const QList<Id>& productIds)
{
    const auth::Principal principal = this->principal();
    return m_engine->read<QList<ProductSummary>>(
        ask(Op::ReadCatalog), [productIds, principal](QSqlDatabase& db) -> Result<QList<ProductSummary>> {
            auto found = ProductQueries::summaries(db, productIds);
            if (found) // another merchant's products are as absent as deleted ones
                found->removeIf([&](const ProductSummary& p) { return !principal.sees(p.merchantId); });
            return found;
        });
}

QFuture<Result<QList<Id>>> LocalClient::searchProducts(Id merchantId, const QString& text, int limit)
{
    return m_engine->read<QList<Id>>(
        ask(Op::SearchProducts).forMerchant(merchantId), [merchantId, text, limit](QSqlDatabase& db) { return ProductQueries::search(db, merchantId, text, limit); });
}

QFuture<Result<Product>> LocalClient::product(Id productId)
{
    return m_engine->read<Product>(ask(Op::ReadCatalog).on(u"product"_s, productId, u"productId"_s),
                                   [productId](QSqlDatabase& db) { return ProductQueries::product(db, productId); });
}

QFuture<Result<Product>> LocalClient::saveProduct(const Product& product)
{
    return m_engine->write<Product>(ask(Op::SaveProduct).forMerchant(product.merchantId).on(u"product"_s, product.id, u"id"_s),
                                    [product](store::UnitOfWork& uow) { return ProductWriter::save(uow, product); });
}

QFuture<Result<ProductEdit>> LocalClient::editProduct(const Product& product, const QString& key)
{
    // a retried save gets its first answer back, not a version conflict that loses the undo
    const auto request =
        payments::IdempotentRequest::of(key, u"edit_product"_s, payments::CommandJson::product(product));
    const auto access = ask(Op::EditProduct).forMerchant(product.merchantId).on(u"product"_s, product.id, u"id"_s);
    return m_engine->write<ProductEdit>(access, [product, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<ProductEdit>(uow, request.within(product.merchantId, uow.actor()),
                                                    [&] { return ProductEditService::apply(uow, product); });
    });
}

QFuture<Result<ProductEdit>> LocalClient::undoProductEdit(const ProductEdit& done, const QString& key)
{
    // as undoBulkEdit: the whole edit is the request, and a retried undo applies once
    const auto request =
        payments::IdempotentRequest::of(key, u"undo_product_edit"_s, payments::CommandJson::productEdit(done));
    const auto access =
        ask(Op::UndoProductEdit).forMerchant(done.after.merchantId).on(u"product"_s, done.after.id, u"id"_s);
    return m_engine->write<ProductEdit>(access, [done, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<ProductEdit>(uow, request.within(done.after.merchantId, uow.actor()),
                                                    [&] { return ProductEditService::undo(uow, done); });
    });
}

QFuture<Result<BulkResult>> LocalClient::bulkEdit(const BulkEdit& edit, const QString& key)
{
    // a retried bulk edit must not apply twice: +10 % retried would be +21 %
    const auto request = payments::IdempotentRequest::of(key, u"bulk_edit"_s, payments::CommandJson::bulkEdit(edit));
    return m_engine->write<BulkResult>(ask(Op::BulkEdit).forMerchant(edit.merchantId), [edit, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<BulkResult>(uow, request.within(edit.merchantId, uow.actor()),
                                                   [&] { return BulkEditService::apply(uow, edit); });
    });
}

QFuture<Result<BulkResult>> LocalClient::undoBulkEdit(const BulkResult& done, const QString& key)
{
    // the whole result is the request: undo puts back `before` where `after` still holds
    const auto request =
        payments::IdempotentRequest::of(key, u"undo_bulk_edit"_s, payments::CommandJson::bulkResult(done));
    return m_engine->write<BulkResult>(ask(Op::UndoBulkEdit).forMerchant(done.edit.merchantId),
                                       [done, request](store::UnitOfWork& uow) {
        return payments::runIdempotent<BulkResult>(uow, request.within(done.edit.merchantId, uow.actor()),
                                                   [&] { return BulkEditService::undo(uow, done); });
    });
}

QFuture<Result<QStringList>> LocalClient::categories(Id merchantId)
{
    return m_engine->read<QStringList>(
        ask(Op::ReadCatalog).forMerchant(merchantId),
        [merchantId](QSqlDatabase& db) { return ProductQueries::categories(db, merchantId); });
}

QFuture<Result<QList<StockLevel>>> LocalClient::stockLevels(Id productId)
{
    return m_engine->read<QList<StockLevel>>(
        ask(Op::ReadStock).on(u"product"_s, productId, u"productId"_s), [productId](QSqlDatabase& db) { return InventoryService::levels(db, productId); });
}

QFuture<Result<QList<StockMovement>>> LocalClient::movements(Id variantId, int limit)
{
    return m_engine->read<QList<StockMovement>>(
        ask(Op::ReadStock).on(u"variant"_s, variantId, u"variantId"_s), [variantId, limit](QSqlDatabase& db) { return InventoryService::movements(db, variantId, limit); });
}

QFuture<Result<StockLevel>> LocalClient::adjustStock(const StockAdjustment& adjustment, const QString& key)
{
    const auto request =
        payments::IdempotentRequest::of(key, u"adjust_stock"_s, payments::CommandJson::stockAdjustment(adjustment));
    const auto access = ask(Op::AdjustStock)
                            .on(u"variant"_s, adjustment.variantId, u"variantId"_s)
                            .on(u"location"_s, adjustment.locationId, u"locationId"_s)
                            .because(adjustment.reason);
    return m_engine->write<StockLevel>(
        access, [adjustment, request](store::UnitOfWork& uow) -> Result<StockLevel> {
            // the key belongs to the variant's merchant; an unknown variant scopes to none, and
            // adjust() then refuses it, storing nothing
            auto merchant = variantMerchant(uow, adjustment.variantId);
            if (!merchant)
                return merchant.error();
            return payments::runIdempotent<StockLevel>(uow, request.within(*merchant, uow.actor()),
                                                       [&] { return InventoryService::adjust(uow, adjustment); });
        });
}

QFuture<Result<ImportPlan>> LocalClient::planImport(Id merchantId, const QByteArray& csv, CsvFormat format,
                                                    TaskProgressPtr progress)
{
    return m_engine->read<ImportPlan>(ask(Op::PlanImport).forMerchant(merchantId),
                                      [merchantId, csv, format, progress](QSqlDatabase& db) -> Result<ImportPlan> {
        auto plan = CatalogImporter::plan(db, merchantId, csv, format, [progress](int done, int total) {
            if (!progress)
                return true;
            progress->done = done;
            progress->total = total;
            return !progress->cancelRequested.load();
        });
        if (progress && progress->cancelRequested.load()) // the same answer as a cancelled runImport
            return Error{ErrorCode::Cancelled, u"check cancelled"_s, {}};
        return plan;
    });
}

QFuture<Result<ImportSummary>> LocalClient::runImport(Id merchantId, const ImportPlan& plan, TaskProgressPtr progress)
{
    return m_engine->write<ImportSummary>(ask(Op::RunImport).forMerchant(merchantId),
                                          [merchantId, plan, progress](store::UnitOfWork& uow) {
        return CatalogImporter::run(uow, merchantId, plan, [progress](qint64 done, qint64 total) {
            if (!progress)
                return true;
            progress->done = done;
            progress->total = total;
            return !progress->cancelRequested.load();
        });
    });
}

QFuture<Result<QByteArray>> LocalClient::exportCatalog(Id merchantId, CsvFormat format)
{
    return m_engine->read<QByteArray>(ask(Op::ExportCatalog).forMerchant(merchantId),
                                      [merchantId, format](QSqlDatabase& db) -> Result<QByteArray> {
        QList<Product> all;
        Id after;
        for (;;) {
            auto page = ProductQueries::products(db, merchantId, after, ProductPageQuery::PageRowsMax);
            if (!page)
                return page.error();
            if (page->isEmpty())
                break;
            after = page->last().id;
            all.append(*page);
        }
        auto stock = onHandByVariant(db, merchantId);
        if (!stock)
            return stock.error();
        return writeCatalogCsv(all, *stock, format);
    });
}

} // namespace souk
