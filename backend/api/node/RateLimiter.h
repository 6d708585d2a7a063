#pragma once

#include <memory>

#include <QString>
#include <QtGlobal>

namespace souk::api {

/// Token buckets keyed by client address or principal: each key may send `burst` requests at once
/// and `perSecond` on average. Memory is bounded: past keysMax, the keys whose forgetting changes
/// the fewest decisions are dropped (see prune in the source). Time is passed in, so tests
/// and the server's clock decide it. Owned by the server; thread-safe (keys are spread over
/// independently locked shards, so IO threads rarely wait for each other).
class RateLimiter final
{
    Q_DISABLE_COPY_MOVE(RateLimiter)
public:
    struct Decision
    {
        bool allowed = false;
        qint64 retryAfterMs = 0; ///< when refused: until one token is back (for Retry-After)
    };

    static constexpr int ShardCount = 16;
    static constexpr int DefaultKeysMax = 100'000;

    /// `perSecond` > 0 and `burst` >= 1. At most `keysMax` keys (rounded down to a multiple of
    /// ShardCount, at least ShardCount) are remembered.
    RateLimiter(double perSecond, double burst, int keysMax = DefaultKeysMax);
    ~RateLimiter();

    /// Spends one token of `key` at `nowMs` (any monotonic clock in milliseconds) if it has one.
    Decision take(const QString& key, qint64 nowMs);
    /// New rate and burst for every key (a configuration reload); a bucket above the new burst is cut down.
    void setRate(double perSecond, double burst);

    /// Keys remembered now; never above keysMax().
    qsizetype keyCount() const;
    int keysMax() const { return m_keysMax; }

private:
    struct Shard;
    Shard& shardOf(const QString& key) const;

    const int m_keysMax;
    std::unique_ptr<Shard[]> m_shards;
};

} // namespace souk::api
