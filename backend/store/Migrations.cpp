#include "backend/store/Migrations.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSqlQuery>

#include "backend/core/Clock.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMigrations, "souk.store.migrations")

namespace souk::store {
namespace {

/// Step N brings the schema from version N to N + 1. Shipped steps are never edited.
const QList<QStringList>& shippedSteps()
{
    static const QList<QStringList> all = {
        // v0 -> v1: merchants, catalog, inventory journal, change feed
        {
            uR"(CREATE TABLE merchants (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL, currency TEXT NOT NULL,
                version INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL))"_s,
            uR"(CREATE TABLE locations (
                id INTEGER PRIMARY KEY, merchant_id INTEGER NOT NULL REFERENCES merchants(id),
                name TEXT NOT NULL, version INTEGER NOT NULL, UNIQUE (merchant_id, name)))"_s,
            uR"(CREATE TABLE products (
                id INTEGER PRIMARY KEY, merchant_id INTEGER NOT NULL REFERENCES merchants(id),
                handle TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
                vendor TEXT NOT NULL DEFAULT '', category TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '',
                status INTEGER NOT NULL, option_names TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
                UNIQUE (merchant_id, handle)))"_s,
            u"CREATE INDEX products_merchant_category ON products (merchant_id, category)"_s,
            u"CREATE INDEX products_merchant_id ON products (merchant_id, id)"_s, // keyset pages
            uR"(CREATE TABLE variants (
                id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL REFERENCES products(id),
                merchant_id INTEGER NOT NULL REFERENCES merchants(id), position INTEGER NOT NULL,
                sku TEXT NOT NULL, option_values TEXT NOT NULL DEFAULT '',
                price_minor INTEGER NOT NULL CHECK (price_minor >= 0), compare_at_minor INTEGER,
                cost_minor INTEGER, currency TEXT NOT NULL, barcode TEXT NOT NULL DEFAULT '',
                weight_grams INTEGER NOT NULL DEFAULT 0, low_stock_threshold INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL, UNIQUE (merchant_id, sku)))"_s,
            u"CREATE INDEX variants_product ON variants (product_id, position)"_s,
            u"CREATE INDEX variants_barcode ON variants (barcode) WHERE barcode <> ''"_s,
            // The journal is the truth; stock_levels is its running sum, kept in the same
            // transaction and re-checked by `soukctl check`.
            uR"(CREATE TABLE stock_movements (
                id INTEGER PRIMARY KEY, variant_id INTEGER NOT NULL REFERENCES variants(id),
                location_id INTEGER NOT NULL REFERENCES locations(id), kind INTEGER NOT NULL,
                on_hand_delta INTEGER NOT NULL, reserved_delta INTEGER NOT NULL DEFAULT 0,
                reason TEXT NOT NULL DEFAULT '', reference TEXT NOT NULL DEFAULT '',
                actor TEXT NOT NULL, at_ms INTEGER NOT NULL))"_s,
            u"CREATE INDEX stock_movements_variant ON stock_movements (variant_id, id)"_s,
            uR"(CREATE TABLE stock_levels (
                variant_id INTEGER NOT NULL REFERENCES variants(id),
                location_id INTEGER NOT NULL REFERENCES locations(id),
                on_hand INTEGER NOT NULL, reserved INTEGER NOT NULL CHECK (reserved >= 0),
                version INTEGER NOT NULL, PRIMARY KEY (variant_id, location_id)) WITHOUT ROWID)"_s,
            uR"(CREATE TABLE changes (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, entity_id INTEGER NOT NULL,
                version INTEGER NOT NULL, op INTEGER NOT NULL, actor TEXT NOT NULL, at_ms INTEGER NOT NULL))"_s,
            // Search: a trigram index answers 3+ character substrings in any script; 1-2 character
            // queries ("蓝牙") scan the narrow lower-cased text table instead. rowid/id = product id.
            u"CREATE VIRTUAL TABLE product_search USING fts5 (text, tokenize = 'trigram')"_s,
            uR"(CREATE TABLE product_text (id INTEGER PRIMARY KEY REFERENCES products(id),
                merchant_id INTEGER NOT NULL, text TEXT NOT NULL))"_s,
            uR"(CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL))"_s,
        },
    };
    return all;
}

Status backup(QSqlDatabase& db, const QString& path, int fromVersion, const Clock& clock, QString* backupPath)
{
    const QString stamp = clock.now().toString(u"yyyyMMdd-HHmmss"_s);
    const QString target = u"%1.v%2-%3.bak"_s.arg(path).arg(fromVersion).arg(stamp);
    if (QFile::exists(target))
        return Error::store(ErrorCode::StoreIo, u"backup file already exists: "_s + target);
    if (auto s = exec(db, u"VACUUM INTO ?"_s, {target}); !s)
        return s;
    qCInfo(lcMigrations).noquote() << "backed up schema" << fromVersion << "store to" << target;
    if (backupPath)
        *backupPath = target;
    return {};
}

} // namespace

int Migrations::currentVersion()
{
    return int(shippedSteps().size());
}

Result<int> Migrations::versionOf(QSqlDatabase& db)
{
    auto appId = scalar(db, u"PRAGMA application_id"_s);
    if (!appId)
        return appId.error();
    auto version = scalar(db, u"PRAGMA user_version"_s);
    if (!version)
        return version.error();
    auto tables = scalar(db, u"SELECT count(*) FROM sqlite_schema"_s);
    if (!tables)
        return tables.error();
    if (appId->toInt() == 0 && tables->toInt() == 0)
        return 0; // a new, empty file
    if (appId->toInt() != ApplicationId)
        return Error::store(ErrorCode::StoreCorrupt, u"this SQLite file is not a Souk store"_s);
    return version->toInt();
}

Status Migrations::migrate(QSqlDatabase& db, const QString& path, const Clock& clock, QString* backupPath)
{
    return migrateWith(shippedSteps(), db, path, clock, backupPath);
}

Status Migrations::migrateWith(const QList<QStringList>& steps, QSqlDatabase& db, const QString& path,
                               const Clock& clock, QString* backupPath)
{
    auto from = versionOf(db);
    if (!from)
        return from.error();
    const int target = int(steps.size());
    if (*from > target) {
        return Error::store(ErrorCode::StoreNewer,
                            u"the store was written by a newer Souk (schema %1; this version reads up to %2)"_s
                                .arg(*from)
                                .arg(target));
    }
    if (*from == target)
        return {};
    if (*from > 0 && backupPath) {
        if (auto s = backup(db, path, *from, clock, backupPath); !s)
            return s;
    }
    for (int v = *from; v < target; ++v) {
        if (!db.transaction())
            return sqlError(db.lastError(), u"starting migration"_s);
        Status status;
        for (const QString& sql : steps.at(v)) {
            status = exec(db, sql);
            if (!status)
                break;
        }
        if (status)
            status = exec(db, u"PRAGMA application_id = %1"_s.arg(ApplicationId));
        if (status)
            status = exec(db, u"PRAGMA user_version = %1"_s.arg(v + 1));
        if (!status) {
            db.rollback();
            return status;
        }
        if (!db.commit())
            return sqlError(db.lastError(), u"committing migration"_s);
        qCInfo(lcMigrations) << "migrated store schema" << v << "->" << v + 1;
    }
    return {};
}

} // namespace souk::store
