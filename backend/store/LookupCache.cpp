#include "backend/store/LookupCache.h"

#include <sqlite3.h>

#include <cstring>

#include "backend/store/Sql.h"
#include "backend/store/Statement.h"

using namespace Qt::StringLiterals;

namespace souk::store {

LookupCache::LookupCache(QSqlDatabase& writer) : m_db(writer)
{
    m_handle = static_cast<sqlite3*>(nativeSqliteHandle(writer));
    if (m_handle)
        sqlite3_update_hook(m_handle, &LookupCache::onRowChanged, this);
}

LookupCache::~LookupCache()
{
    if (m_handle)
        sqlite3_update_hook(m_handle, nullptr, nullptr);
}

bool LookupCache::watches(int op, const char* table)
{
    // called for every row the writer changes: a cheap test on the first letter first
    switch (table[0]) {
    case 'c': return std::strcmp(table, "customers") == 0;
    case 'l':
        if (std::strcmp(table, "locations") == 0)
            return true;
        // an account's id never changes while its row lives; its balance does, on every capture
        return op == SQLITE_DELETE && std::strcmp(table, "ledger_accounts") == 0;
    case 'm': return std::strcmp(table, "merchant_terms") == 0;
    case 'p': return std::strcmp(table, "products") == 0;
    case 'v': return std::strcmp(table, "variants") == 0;
    default: return false;
    }
}

void LookupCache::onRowChanged(void* self, int op, const char*, const char* table, long long)
{
    auto* cache = static_cast<LookupCache*>(self);
    if (!cache->m_entries.isEmpty() && watches(op, table))
        cache->m_entries.clear();
}

void LookupCache::transactionStarted(StatementCache& statements)
{
    if (!m_handle)
        return;
    Statement& q = statements.get(m_db, u"PRAGMA data_version"_s);
    qint64 version = -1;
    if (q.exec() && q.next())
        version = q.value(0).toLongLong();
    q.finish();
    if (version < 0 || version != m_dataVersion)
        m_entries.clear(); // another connection committed, or the version could not be read
    m_dataVersion = version;
}

const QVariantList* LookupCache::find(const QString& key) const
{
    const auto it = m_entries.constFind(key);
    return it == m_entries.cend() ? nullptr : &*it;
}

void LookupCache::insert(const QString& key, QVariantList values)
{
    if (!m_handle)
        return; // no hook, no way to know when an entry goes stale
    if (m_entries.size() >= EntriesMax)
        m_entries.clear();
    m_entries.insert(key, std::move(values));
}

} // namespace souk::store
