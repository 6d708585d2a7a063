#pragma once

#include <QStringList>

namespace souk::store {

/// The schema a SQLite store reaches through migration steps 0..PgSchema::BaselineVersion - 1,
/// written once in PostgreSQL's words: a PostgreSQL store begins there (no PostgreSQL store older
/// than that exists to upgrade). Every integer is BIGINT (ids, amounts, times), blobs are BYTEA,
/// a SQLite `INTEGER PRIMARY KEY` is an identity column (a row inserted without its id gets one)
/// except where it refers to another row and for the feed's seq, user names are citext (case-free
/// as SQLite's NOCASE), the immutability triggers are one PL/pgSQL function, and the product search is a trigram GIN
/// index instead of SQLite's FTS5 table. A cluster's own tables (PgOnlyTables) are here alone. TestPgSchema holds it to the SQLite schema, column by
/// column. Stateless.
namespace pgschema {

inline constexpr int BaselineVersion = 11;

/// Tables a PostgreSQL store has and a SQLite store does not: what only a cluster needs.
inline constexpr const char16_t* PgOnlyTables[] = {u"node_leases"};

/// The statements that make the baseline in an empty database, in order.
QStringList baseline();

/// Step N (version BaselineVersion + N to + N + 1) in PostgreSQL's words; Migrations' step with the
/// same number is SQLite's. Empty until the schema moves past the baseline.
const QList<QStringList>& stepsAfterBaseline();

} // namespace pgschema
} // namespace souk::store
