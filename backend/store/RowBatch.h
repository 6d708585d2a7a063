#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>
#include <vector>

#include "backend/core/Result.h"

class QSqlQuery;

namespace souk::store {

/// Collects rows for one table and inserts them with multi-row INSERTs, binding through the SQLite driver's
/// native handle where that is safe (QtSql's per-value binding costs more than SQLite's own
/// insert on bulk paths), and through QtSql otherwise. Used on bulk paths, in the writer's
/// transaction. Not thread-safe; one command's lifetime.
class RowBatch final
{
public:
    /// Rows per INSERT statement on the native path (fewer when SQLite allows fewer variables).
    static constexpr int RowsPerStatementMax = 64;

    RowBatch(QString table, QStringList columns);

    /// Starts a row; then add exactly columns().size() values in column order.
    RowBatch& row();
    RowBatch& integer(qint64 value);
    RowBatch& text(const QString& value);
    RowBatch& optionalInteger(const std::optional<qint64>& value);

    qsizetype pending() const { return m_rows; }
    /// Inserts the pending rows (nothing when there are none).
    Status flush(QSqlDatabase& db);
    /// The rowid of the last row the latest flush inserted.
    qint64 lastRowId() const { return m_lastRowId; }

private:
    using Value = std::variant<std::monostate, qint64, QString>;
    Status flushNative(void* handle);
    void bindRows(void* statement, qsizetype first, qsizetype rows) const;
    QString insertSql(qsizetype rows) const;
    Status flushPortable(QSqlDatabase& database, const QString& sql);
    Status flushInStatements(QSqlDatabase& database);
    static void bindValue(QSqlQuery& q, int position, const Value& v);
    QString m_table;
    QStringList m_columns;
    std::vector<Value> m_values;
    qsizetype m_rows = 0;
    qint64 m_lastRowId = 0;
};

/// Appends `text` to `out` as a JSON string literal.
void appendJsonString(QString& out, QStringView text);

} // namespace souk::store
