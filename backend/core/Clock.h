#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <atomic>

namespace souk {

/// Where time comes from. Injected everywhere so tests can step it; implementations are thread-safe.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

/// The wall clock.
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    /// One shared instance for code that has no clock injected (mains only).
    static SystemClock& instance();
};

/// A clock that moves only when told to. Tests only.
class MockClock final : public Clock
{
public:
    explicit MockClock(qint64 startMs = 1767225600000 /* 2026-01-01T00:00:00Z */) : m_nowMs(startMs) {}
    qint64 nowMs() const override { return m_nowMs.load(); }
    void advanceMs(qint64 ms) { m_nowMs += ms; }
    void setMs(qint64 ms) { m_nowMs = ms; }

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace souk
