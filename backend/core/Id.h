#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

#include <algorithm>
#include <mutex>

#include "backend/core/Result.h"

namespace souk {

class Clock;

/// A 64-bit, time-ordered, node-aware identifier. 0 means "none". In JSON and on the command
/// line it travels as a decimal string, because JavaScript numbers lose precision past 2^53.
struct Id
{
    qint64 value = 0;

    bool isNull() const { return value == 0; }
    QString toString() const { return QString::number(value); }
    /// Parses a decimal id; `field` names the input in the error.
    static Result<Id> parse(QStringView text, const QString& field);

    friend bool operator==(Id a, Id b) { return a.value == b.value; }
    friend auto operator<=>(Id a, Id b) { return a.value <=> b.value; }
};

inline size_t qHash(Id id, size_t seed = 0) noexcept
{
    return ::qHash(id.value, seed);
}

/// Makes ids: 41 bits of milliseconds since 2024-01-01, 10 bits of node, 12 bits of sequence.
/// Unique across nodes as long as node ids differ; ordered by creation time within a node.
/// Thread-safe. If the clock steps back, ids keep growing from the last one issued, across
/// restarts too once advancePast() has been given the store's newest id.
class IdGenerator
{
public:
    static constexpr qint64 EpochMs = 1704067200000; // 2024-01-01T00:00:00Z
    static constexpr int NodeBits = 10;
    static constexpr int SequenceBits = 12;
    static constexpr int NodeMax = (1 << NodeBits) - 1;

    IdGenerator(int nodeId, const Clock& clock);
    Id next();
    /// Every id issued from now on is greater than `issued` (the store's high-water mark, read
    /// at open), whatever the clock says: a clock stepped back while the store was closed
    /// cannot make an id issued before come round again.
    void advancePast(Id issued);
    int nodeId() const { return m_nodeId; }

    static qint64 timestampMsOf(Id id) { return (id.value >> (NodeBits + SequenceBits)) + EpochMs; }
    static int nodeOf(Id id) { return int((id.value >> SequenceBits) & NodeMax); }
    /// The smallest id any node can issue at `ms`: time windows become id ranges (indexed).
    static Id firstIdAt(qint64 ms) { return Id{(std::max<qint64>(ms - EpochMs, 0)) << (NodeBits + SequenceBits)}; }

private:
    const int m_nodeId;
    const Clock& m_clock;
    std::mutex m_mutex;
    qint64 m_lastMs = 0;
    int m_sequence = 0;
};

} // namespace souk

Q_DECLARE_METATYPE(souk::Id)
