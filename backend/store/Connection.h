#pragma once

#include <QSqlDatabase>
#include <QString>

#include "backend/core/Result.h"
#include "backend/store/StoreOptions.h"

namespace souk::store {

/// One named SQLite connection, opened and closed on the thread that creates it, with Souk's
/// pragmas applied (WAL, foreign keys, busy timeout, durability). Never crosses threads.
class Connection final
{
    Q_DISABLE_COPY_MOVE(Connection)
public:
    /// Opens `options.path`; `role` ("writer", "reader", "setup") is part of the unique name.
    static Result<std::unique_ptr<Connection>> open(const StoreOptions& options, const QString& role);
    ~Connection();

    QSqlDatabase& db() { return m_db; }
    const QString& name() const { return m_name; }

private:
    explicit Connection(QString name);
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace souk::store
