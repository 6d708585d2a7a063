#include "backend/core/Id.h"

#include "backend/core/Clock.h"

using namespace Qt::StringLiterals;

namespace souk {

Result<Id> Id::parse(QStringView text, const QString& field)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value <= 0)
        return Error::invalid(field, u"not a valid id: "_s + text.left(40).toString());
    return Id{value};
}

IdGenerator::IdGenerator(int nodeId, const Clock& clock) : m_nodeId(nodeId & NodeMax), m_clock(clock) {}

Id IdGenerator::next()
{
    std::lock_guard lock(m_mutex);
    qint64 ms = m_clock.nowMs() - EpochMs;
    if (ms < m_lastMs)
        ms = m_lastMs; // clock stepped back: stay monotonic rather than risk a duplicate
    if (ms == m_lastMs) {
        if (++m_sequence > (1 << SequenceBits) - 1) {
            // 4096 ids in one millisecond: borrow the next millisecond instead of spinning.
            ++ms;
            m_sequence = 0;
        }
    } else {
        m_sequence = 0;
    }
    m_lastMs = ms;
    return Id{(ms << (NodeBits + SequenceBits)) | (qint64(m_nodeId) << SequenceBits) | m_sequence};
}

void IdGenerator::advancePast(Id issued)
{
    if (issued.value <= 0)
        return;
    const qint64 ms = issued.value >> (NodeBits + SequenceBits);
    const int node = nodeOf(issued);
    const int sequence = int(issued.value & ((1 << SequenceBits) - 1));
    // the next id is (ms, our node, sequence + 1) or later: greater than `issued` when it is
    // ours; another node's id at the same millisecond may sort above any of ours, so move on
    // to the next millisecond (or start its sequence at 0 when that node sorts below ours)
    qint64 lastMs = ms;
    int lastSequence = sequence;
    if (node > m_nodeId) {
        lastMs = ms + 1;
        lastSequence = -1;
    } else if (node < m_nodeId) {
        lastSequence = -1;
    }
    std::lock_guard lock(m_mutex);
    if (lastMs > m_lastMs || (lastMs == m_lastMs && lastSequence > m_sequence)) {
        m_lastMs = lastMs;
        m_sequence = lastSequence;
    }
}

} // namespace souk
