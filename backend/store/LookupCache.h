#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

struct sqlite3;

namespace souk::store {

class StatementCache;

/// Reference rows the writer reads on nearly every command (a SKU's title and price, a
/// merchant's terms and first location, a customer's email, ledger account ids), kept between
/// commands and batches. An entry never outlives the rows it was read from:
/// - SQLite's update hook reports every row the writer connection inserts, updates or deletes;
///   a change in a table the entries come from drops every entry (see watches());
/// - a rollback, whole or to a savepoint, drops every entry (the hook does not report undone
///   changes, and an entry may have been read from them);
/// - another connection's commit (soukctl on the same file, say) changes PRAGMA data_version,
///   checked as each transaction starts, and drops every entry.
/// Without the driver's native handle there is no hook, and nothing is cached. Writer thread only.
class LookupCache final
{
    Q_DISABLE_COPY_MOVE(LookupCache)
public:
    static constexpr qsizetype EntriesMax = 100'000; ///< beyond it the cache starts over

    explicit LookupCache(QSqlDatabase& writer);
    ~LookupCache();

    /// Whether a change (SQLITE_INSERT, _UPDATE or _DELETE) of a row of `table` drops the
    /// entries: any change of a table an entry's values are read from; for ledger accounts,
    /// whose ids alone are kept and whose balances change on every capture, a deletion only.
    static bool watches(int op, const char* table);

    /// Call right after BEGIN: reads PRAGMA data_version (which starts the transaction's
    /// snapshot) and drops every entry when another connection committed since the last call.
    void transactionStarted(StatementCache& statements);
    /// Drops every entry.
    void clear() { m_entries.clear(); }

    const QVariantList* find(const QString& key) const;
    void insert(const QString& key, QVariantList values);

    qsizetype size() const { return m_entries.size(); }

private:
    static void onRowChanged(void* self, int op, const char* database, const char* table, long long rowid);

    QSqlDatabase& m_db;
    sqlite3* m_handle = nullptr;
    qint64 m_dataVersion = -1;
    QHash<QString, QVariantList> m_entries;
};

} // namespace souk::store
