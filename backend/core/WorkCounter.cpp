#include "backend/core/WorkCounter.h"

namespace souk {

void WorkCounter::begin()
{
    std::lock_guard lock(m_mutex);
    ++m_count;
}

void WorkCounter::end()
{
    // notified under the lock: the waiter cannot return, and destroy this, before we let go
    std::lock_guard lock(m_mutex);
    Q_ASSERT(m_count > 0);
    if (--m_count == 0)
        m_idle.notify_all();
}

void WorkCounter::waitIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_count == 0; });
}

int WorkCounter::count() const
{
    std::lock_guard lock(m_mutex);
    return m_count;
}

} // namespace souk
