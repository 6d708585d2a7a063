#include "backend/catalog/BulkEditService.h"

#include <QSet>
#include <QSqlQuery>

#include "backend/catalog/MerchantService.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

Status validate(const BulkEdit& edit)
{
    if (edit.productIds.isEmpty())
        return Error::invalid(u"productIds"_s, u"select at least one product"_s);
    if (edit.productIds.size() > BulkEdit::ProductsMax)
        return Error::invalid(u"productIds"_s, u"at most %1 products at once"_s.arg(BulkEdit::ProductsMax));
    if (edit.kind == BulkEdit::Kind::SetCategory && edit.category.size() > Limits::ShortTextMax)
        return Error::invalid(u"category"_s, u"at most %1 characters"_s.arg(Limits::ShortTextMax));
    if (edit.kind == BulkEdit::Kind::AdjustPriceByPercent && (edit.basisPoints <= -10000 || edit.basisPoints > 1'000'000))
        return Error::invalid(u"percent"_s, u"the change must be more than -100 % and at most +10000 %"_s);
    if (edit.kind == BulkEdit::Kind::AdjustPriceByAmount && edit.amountMinor == 0)
        return Error::invalid(u"amount"_s, u"the amount must not be zero"_s);
    return {};
}

/// Reads the state of the selected products (and their variants for price edits).
Result<BulkSnapshot> snapshot(store::UnitOfWork& uow, const BulkEdit& edit, bool withVariants)
{
    BulkSnapshot snap;
    store::Statement& pq = uow.statement(u"SELECT status, category, version, merchant_id FROM products WHERE id = ?"_s);
    store::Statement& vq = uow.statement(u"SELECT id, price_minor, version FROM variants WHERE product_id = ? ORDER BY position"_s);
    for (int i = 0; i < edit.productIds.size(); ++i) {
        const Id id = edit.productIds[i];
        pq.bindValue(0, id.value);
        if (auto s = store::exec(pq, u"reading a product"_s); !s)
            return s.error();
        if (!pq.next() || pq.value(3).toLongLong() != edit.merchantId.value)
            return Error::notFound(u"productIds[%1]"_s.arg(i), u"no product "_s + id.toString());
        snap.products.append({id, ProductStatus(pq.value(0).toInt()), pq.value(1).toString(), pq.value(2).toLongLong()});
        pq.finish();
        if (!withVariants)
            continue;
        vq.bindValue(0, id.value);
        if (auto s = store::exec(vq, u"reading variants"_s); !s)
            return s.error();
        while (vq.next())
            snap.variants.append({Id{vq.value(0).toLongLong()}, id, vq.value(1).toLongLong(), vq.value(2).toLongLong()});
    }
    return snap;
}

Result<qint64> newPrice(const BulkEdit& edit, const BulkSnapshot::VariantPrice& v, const Currency& currency, int index)
{
    const Money price(v.priceMinor, currency);
    auto next = edit.kind == BulkEdit::Kind::AdjustPriceByAmount
                    ? price.plus(Money(edit.amountMinor, currency))
                    : price.scaled(10000 + edit.basisPoints, 10000, edit.rounding);
    if (!next)
        return Error::overflow(u"variants[%1].price"_s.arg(index));
    if (next->isNegative())
        return Error::invalid(u"amount"_s, u"the price of a variant would fall below zero (%1 - %2)"_s
                                               .arg(price.toDecimalString(), Money(-edit.amountMinor, currency).toDecimalString()));
    return next->minor();
}

/// Writes product fields and variant prices of `target`, bumping versions, recording changes.
Result<BulkSnapshot> write(store::UnitOfWork& uow, const BulkSnapshot& target)
{
    BulkSnapshot after;
    store::Statement& pu = uow.statement(u"UPDATE products SET status = ?, category = ?, version = version + 1, "
                                  "updated_ms = ? WHERE id = ? RETURNING version"_s);
    QSet<Id> touchedProducts;
    for (const auto& p : target.products) {
        pu.bindValue(0, int(p.status));
        pu.bindValue(1, p.category);
        pu.bindValue(2, uow.nowMs());
        pu.bindValue(3, p.id.value);
        if (auto s = store::exec(pu, u"updating a product"_s); !s)
            return s.error();
        pu.next();
        after.products.append({p.id, p.status, p.category, pu.value(0).toLongLong()});
        pu.finish();
        touchedProducts.insert(p.id);
    }
    store::Statement& vu = uow.statement(u"UPDATE variants SET price_minor = ?, version = version + 1 WHERE id = ? "
                                  "RETURNING version"_s);
    for (const auto& v : target.variants) {
        vu.bindValue(0, v.priceMinor);
        vu.bindValue(1, v.id.value);
        if (auto s = store::exec(vu, u"updating a price"_s); !s)
            return s.error();
        vu.next();
        after.variants.append({v.id, v.productId, v.priceMinor, vu.value(0).toLongLong()});
        vu.finish();
        uow.recordChange(u"variant"_s, v.id, after.variants.last().version, ChangeOp::Updated);
    }
    for (const auto& p : after.products)
        uow.recordChange(u"product"_s, p.id, p.version, ChangeOp::Updated);
    return after;
}

bool isPriceEdit(BulkEdit::Kind kind)
{
    return kind == BulkEdit::Kind::AdjustPriceByAmount || kind == BulkEdit::Kind::AdjustPriceByPercent;
}

} // namespace

Result<BulkResult> BulkEditService::apply(store::UnitOfWork& uow, const BulkEdit& requested)
{
    if (auto s = validate(requested); !s)
        return s.error();
    // a product named twice is edited once (twice would bump its version twice and defeat undo)
    BulkEdit edit = requested;
    QSet<Id> seen;
    edit.productIds.removeIf([&seen](Id id) {
        const bool repeat = seen.contains(id);
        seen.insert(id);
        return repeat;
    });
    auto merchant = MerchantService::merchant(uow.db(), edit.merchantId);
    if (!merchant)
        return merchant.error();
    const bool prices = isPriceEdit(edit.kind);
    auto before = snapshot(uow, edit, prices);
    if (!before)
        return before.error();
    BulkSnapshot target = *before;
    for (auto& p : target.products) {
        if (edit.kind == BulkEdit::Kind::SetStatus)
            p.status = edit.status;
        else if (edit.kind == BulkEdit::Kind::SetCategory)
            p.category = edit.category.trimmed();
    }
    for (int i = 0; i < target.variants.size(); ++i) {
        auto price = newPrice(edit, target.variants[i], merchant->currency, i);
        if (!price)
            return price.error(); // nothing written yet: validation precedes every write
        target.variants[i].priceMinor = *price;
    }
    auto after = write(uow, target);
    if (!after)
        return after.error();
    return BulkResult{edit, std::move(before).value(), std::move(after).value()};
}

Result<BulkResult> BulkEditService::undo(store::UnitOfWork& uow, const BulkResult& done)
{
    // the undo names its entities itself: each must be the edit's merchant's, or another
    // merchant's catalog could be written through a made-up undo (answered as a missing one)
    const auto owned = [&](const QString& table, Id id, const QString& field) -> Status {
        auto merchant = store::scalar(uow.db(), u"SELECT merchant_id FROM "_s + table + u" WHERE id = ?"_s, {id.value});
        if (!merchant && merchant.error().code != ErrorCode::NotFound)
            return merchant.error();
        if (!merchant || merchant->toLongLong() != done.edit.merchantId.value)
            return Error::notFound(field, u"no such product in this merchant's catalog"_s);
        return {};
    };
    for (const BulkSnapshot* snapshot : {&done.before, &done.after}) {
        for (const auto& p : snapshot->products) {
            if (auto s = owned(u"products"_s, p.id, u"productIds"_s); !s)
                return s.error();
        }
        for (const auto& var : snapshot->variants) {
            if (auto s = owned(u"variants"_s, var.id, u"variants"_s); !s)
                return s.error();
        }
    }
    // every entity must still be as the edit left it; otherwise undo would overwrite someone's work
    for (const auto& p : done.after.products) {
        auto v = store::scalar(uow.db(), u"SELECT version FROM products WHERE id = ?"_s, {p.id.value});
        if (!v)
            return v.error();
        if (v->toLongLong() != p.version)
            return Error::versionConflict(u"productIds"_s, u"product %1 changed after the bulk edit"_s.arg(p.id.toString()));
    }
    for (const auto& var : done.after.variants) {
        auto v = store::scalar(uow.db(), u"SELECT version FROM variants WHERE id = ?"_s, {var.id.value});
        if (!v)
            return v.error();
        if (v->toLongLong() != var.version)
            return Error::versionConflict(u"variants"_s, u"a price changed after the bulk edit"_s);
    }
    auto after = write(uow, done.before);
    if (!after)
        return after.error();
    return BulkResult{done.edit, done.after, std::move(after).value()};
}

} // namespace souk::catalog
