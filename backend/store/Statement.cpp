#include "backend/store/Statement.h"

#include <QSqlQuery>

#include <sqlite3.h>

#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::store {

Statement::Statement(QSqlDatabase& db, const QString& sql) : m_sql(sql)
{
    m_db = static_cast<sqlite3*>(nativeSqliteHandle(db));
    if (!m_db) {
        m_query = std::make_unique<QSqlQuery>(db);
        m_query->setForwardOnly(true);
        // PostgreSQL prepares no utility statement (BEGIN, SAVEPOINT, SET): a text without
        // parameters is sent as it is at each exec()
        m_postgres = isPostgres(db);
        m_direct = m_postgres && !sql.contains(u'?');
        if (!m_direct) // a failed prepare surfaces as an error on exec(), as before
            m_prepared = m_query->prepare(sql);
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                                      nullptr);
    if (rc != SQLITE_OK) {
        fail(rc);
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return;
    }
    m_texts.resize(size_t(sqlite3_bind_parameter_count(m_stmt)));
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt); // a no-op for null
}

void Statement::fail(int rc)
{
    m_error = QSqlError(QString::fromUtf8(sqlite3_errmsg(m_db)), u"statement"_s, QSqlError::StatementError,
                        QString::number(rc & 0xff));
}

void Statement::resetIfActive()
{
    if (m_active) {
        sqlite3_reset(m_stmt);
        m_active = false;
    }
    m_pendingRow = false;
    m_onRow = false;
}

void Statement::bindValue(int index, qint64 value)
{
    if (m_query)
        return m_query->bindValue(index, value);
    if (!m_stmt)
        return;
    resetIfActive(); // SQLite refuses new bindings on a running statement
    sqlite3_bind_int64(m_stmt, index + 1, value);
}

void Statement::bindValue(int index, const QString& value)
{
    if (m_query)
        return m_query->bindValue(index, value);
    if (!m_stmt || index < 0 || size_t(index) >= m_texts.size())
        return;
    resetIfActive();
    if (value.isNull()) {
        sqlite3_bind_null(m_stmt, index + 1);
        return;
    }
    QByteArray& text = m_texts[size_t(index)];
    text = value.toUtf8();
    sqlite3_bind_text(m_stmt, index + 1, text.constData(), int(text.size()), SQLITE_STATIC);
}

void Statement::bindValue(int index, const QVariant& value)
{
    if (m_query)
        return m_query->bindValue(index, value);
    if (!m_stmt)
        return;
    resetIfActive();
    if (value.isNull()) {
        sqlite3_bind_null(m_stmt, index + 1);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::Bool:
        sqlite3_bind_int64(m_stmt, index + 1, value.toLongLong());
        return;
    case QMetaType::ULongLong:
    case QMetaType::ULong:
        sqlite3_bind_int64(m_stmt, index + 1, qint64(value.toULongLong()));
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        sqlite3_bind_double(m_stmt, index + 1, value.toDouble());
        return;
    case QMetaType::QByteArray: {
        if (index < 0 || size_t(index) >= m_texts.size())
            return;
        QByteArray& blob = m_texts[size_t(index)];
        blob = value.toByteArray();
        sqlite3_bind_blob(m_stmt, index + 1, blob.constData(), int(blob.size()), SQLITE_STATIC);
        return;
    }
    default:
        bindValue(index, value.toString());
        return;
    }
}

bool Statement::exec()
{
    if (m_query) {
        // PostgreSQL prepares on the server, where a prepare can fail for a passing reason (a lock
        // timeout, an aborted transaction, a lost connection): it is tried again, not kept failed
        if (!m_direct && !m_prepared && m_postgres) {
            const QVariantList values = m_query->boundValues(); // a prepare forgets them
            m_prepared = m_query->prepare(m_sql);
            for (qsizetype i = 0; i < values.size(); ++i)
                m_query->bindValue(int(i), values[i]);
        }
        const bool ok = m_direct ? m_query->exec(m_sql) : m_query->exec();
        m_error = m_query->lastError();
        m_changes = ok ? m_query->numRowsAffected() : 0;
        // QPSQL asks lastval(), whose error (no sequence used yet) aborts the transaction: ids
        // made by PostgreSQL are read with RETURNING
        m_lastInsertId = ok && !m_postgres ? m_query->lastInsertId().toLongLong() : 0;
        return ok;
    }
    if (!m_stmt)
        return false; // the prepare failed; m_error says why
    resetIfActive();
    m_error = QSqlError();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_active = true;
        m_pendingRow = true;
        m_changes = 0;
        return true;
    }
    if (rc == SQLITE_DONE) {
        m_changes = sqlite3_changes64(m_db);
        m_lastInsertId = sqlite3_last_insert_rowid(m_db);
        sqlite3_reset(m_stmt);
        return true;
    }
    fail(sqlite3_reset(m_stmt) == SQLITE_OK ? rc : sqlite3_extended_errcode(m_db));
    return false;
}

bool Statement::next()
{
    if (m_query) {
        // QPSQL fetches row by row: an error met after the first row ends the rows, and is kept
        const bool row = m_query->next();
        if (!row && m_query->lastError().isValid())
            m_error = m_query->lastError();
        return row;
    }
    if (m_pendingRow) {
        m_pendingRow = false;
        m_onRow = true;
        return true;
    }
    if (!m_active)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_onRow = true;
        return true;
    }
    if (rc != SQLITE_DONE)
        fail(rc);
    sqlite3_reset(m_stmt);
    m_active = false;
    m_onRow = false;
    return false;
}

QVariant Statement::value(int column) const
{
    if (m_query)
        return m_query->value(column);
    if (!m_onRow)
        return {};
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_TEXT: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column)));
    }
    case SQLITE_BLOB: {
        const auto* blob = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
        return QVariant(QByteArray(blob, sqlite3_column_bytes(m_stmt, column)));
    }
    default:
        return {};
    }
}

void Statement::finish()
{
    if (m_query)
        return m_query->finish();
    resetIfActive();
}

Statement& StatementCache::get(QSqlDatabase& db, const QString& sql)
{
    const void* key = sql.constData();
    auto [first, last] = m_statements.equal_range(key);
    for (auto it = first; it != last; ++it) {
        if (it->second->sql().size() == sql.size() && it->second->sql() == sql)
            return *it->second;
    }
    return *m_statements.emplace(key, std::make_unique<Statement>(db, sql))->second;
}

void StatementCache::finishAll(size_t keepMax)
{
    if (m_statements.size() > keepMax) {
        m_statements.clear();
        return;
    }
    for (auto& entry : m_statements)
        entry.second->finish();
}

Status exec(Statement& statement, const QString& what)
{
    if (!statement.exec())
        return sqlError(statement.lastError(), what);
    return {};
}

} // namespace souk::store
