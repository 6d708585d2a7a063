#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

#include "backend/core/Result.h"

namespace souk::store {

/// Collects rows for one table and inserts them with one statement per flush: the rows travel as
/// one JSON array through json_each, so a thousand rows cost one bind instead of thousands
/// (QtSql's per-value binding dominates bulk writes otherwise). Used on bulk paths only, in the
/// writer's transaction. Not thread-safe; one command's lifetime.
class RowBatch final
{
public:
    RowBatch(QString table, QStringList columns);

    /// Starts a row; then add exactly columns().size() values in column order.
    RowBatch& row();
    RowBatch& integer(qint64 value);
    RowBatch& text(const QString& value);
    RowBatch& optionalInteger(const std::optional<qint64>& value);

    qsizetype pending() const { return m_rows; }
    /// Inserts the pending rows (nothing when there are none).
    Status flush(QSqlDatabase& db);

private:
    void separate();
    QString m_table;
    QStringList m_columns;
    QString m_json;
    qsizetype m_rows = 0;
    int m_valuesInRow = 0;
};

/// Appends `text` to `out` as a JSON string literal.
void appendJsonString(QString& out, QStringView text);

} // namespace souk::store
