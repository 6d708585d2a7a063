#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <mutex>

namespace souk {

/// Counts work begun and not yet ended, so an owner can wait, without spinning, until none is
/// left (a client closing while provider calls are on their way). end() touches nothing once
/// the count it leaves is seen: the owner may be destroyed right after. Thread-safe.
class WorkCounter final
{
public:
    WorkCounter() = default;
    Q_DISABLE_COPY_MOVE(WorkCounter)

    void begin();
    /// The last statement of a piece of work: the waiting owner may go on at once.
    void end();
    /// Blocks until every piece of work begun has ended.
    void waitIdle();
    int count() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_idle;
    int m_count = 0;
};

} // namespace souk
