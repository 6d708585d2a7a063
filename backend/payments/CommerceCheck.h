#pragma once

#include <QSqlDatabase>
#include <QStringList>

#include "backend/core/Result.h"

namespace souk::payments {

/// The invariants of orders, stock holds, payments and the ledger, checked from the tables
/// themselves: `soukctl check`, the engine's debug check and every test use it. Any reader
/// connection; returns the problems found (empty: all good).
class CommerceCheck final
{
public:
    static Result<QStringList> run(QSqlDatabase& db);
};

} // namespace souk::payments
