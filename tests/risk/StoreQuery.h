#pragma once

#include <QSqlQuery>
#include <QVariant>

#include "backend/engine/Engine.h"
#include "tests/support/StoreFixture.h"

namespace souk::test {

/// The first column of the first row of `sql` on the fixture's store, read on a reader; a null
/// QVariant when there is no row. For tests that check what a command left in the tables.
inline QVariant storeValue(StoreFixture& f, const QString& sql, const QVariantList& binds = {})
{
    auto v = StoreFixture::wait(f.client().engine().read<QVariant>([sql, binds](QSqlDatabase& db) -> Result<QVariant> {
        QSqlQuery q(db);
        q.prepare(sql);
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds[i]);
        if (!q.exec() || !q.next())
            return Error::notFound(QStringLiteral("row"), sql);
        return q.value(0);
    }));
    return v ? *v : QVariant();
}

} // namespace souk::test
