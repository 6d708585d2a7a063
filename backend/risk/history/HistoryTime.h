#pragma once

#include <optional>

#include <QString>
#include <QStringView>

namespace souk::risk {

/// Reads an ISO 8601 date-time as UTC milliseconds: "2026-03-01T12:30:00Z", "2026-03-01 12:30:00.250+01:00",
/// "2026-03-01T12:30" or "2026-03-01" (midnight). Without an offset the time is taken as UTC. Fractions
/// of a second past the millisecond are truncated (toward the earlier instant). Years 1970..9999.
/// nullopt when the text is not such a date-time or names a day that does not exist. Pure, any thread.
std::optional<qint64> parseHistoryTime(QStringView text);

/// "2026-03-01T12:30:00.250Z": the form HistoryCsv writes; parseHistoryTime() reads it back exactly.
/// `utcMs` must be in 1970..9999. Pure, any thread.
QString formatHistoryTime(qint64 utcMs);

} // namespace souk::risk
