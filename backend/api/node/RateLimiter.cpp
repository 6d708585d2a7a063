#include "backend/api/node/RateLimiter.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace souk::api {

namespace {

/// Tolerance for the sums of fractions a bucket accumulates: a key that waited exactly retryAfterMs
/// gets its token even if the floating-point refill lands a hair below 1.
constexpr double Epsilon = 1e-9;

struct Bucket
{
    double tokens = 0;
    qint64 lastMs = 0;
};

} // namespace

struct alignas(64) RateLimiter::Shard
{
    mutable QMutex mutex;
    QHash<QString, Bucket> buckets;
    double perMs = 0;
    double burst = 1;
    qsizetype keysMax = 1;

    /// Tokens at `nowMs`; a clock that stepped back refills nothing.
    double tokensAt(const Bucket& bucket, qint64 nowMs) const
    {
        const qint64 elapsedMs = std::max<qint64>(0, nowMs - bucket.lastMs);
        return std::min(burst, bucket.tokens + double(elapsedMs) * perMs);
    }

    void prune(qint64 nowMs);
};

/// Makes room for new keys by forgetting those whose forgetting changes least: a bucket that has
/// refilled changes nothing (a new bucket starts full), then the buckets owed the fewest tokens, the
/// least recently seen first among equals. A client rotating through addresses spends about one token
/// per address, so it pushes out its own addresses before the bucket of a client it has limited.
/// Frees an eighth of the shard, so the scan is paid once per keysMax / 8 new keys, not on each.
void RateLimiter::Shard::prune(qint64 nowMs)
{
    struct Candidate
    {
        double debt;
        qint64 lastMs;
        QString key;
    };
    std::vector<Candidate> candidates;
    candidates.reserve(size_t(buckets.size()));
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it)
        candidates.push_back({burst - tokensAt(*it, nowMs), it->lastMs, it.key()});
    const qsizetype target = keysMax - std::max<qsizetype>(1, keysMax / 8);
    const auto forgotten = candidates.begin() + std::max<qsizetype>(0, buckets.size() - target);
    std::nth_element(candidates.begin(), forgotten, candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.debt != b.debt ? a.debt < b.debt : a.lastMs < b.lastMs;
    });
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
        if (it < forgotten || it->debt <= Epsilon)
            buckets.remove(it->key);
    }
}

RateLimiter::RateLimiter(double perSecond, double burst, int keysMax)
    : m_keysMax(std::max(ShardCount, keysMax / ShardCount * ShardCount)),
      m_shards(std::make_unique<Shard[]>(ShardCount))
{
    for (int i = 0; i < ShardCount; ++i)
        m_shards[i].keysMax = m_keysMax / ShardCount;
    setRate(perSecond, burst);
}

RateLimiter::~RateLimiter() = default;

RateLimiter::Shard& RateLimiter::shardOf(const QString& key) const
{
    // the top bits pick the shard: QHash places keys by the low bits, which would then be alike
    // for every key of one shard and crowd its table
    const size_t hash = qHash(key, QHashSeed::globalSeed());
    return m_shards[int(hash >> (sizeof(size_t) * 8 - 4)) % ShardCount];
}

RateLimiter::Decision RateLimiter::take(const QString& key, qint64 nowMs)
{
    Shard& shard = shardOf(key);
    const QMutexLocker lock(&shard.mutex);
    auto it = shard.buckets.find(key);
    if (it == shard.buckets.end()) {
        if (shard.buckets.size() >= shard.keysMax)
            shard.prune(nowMs);
        it = shard.buckets.insert(key, Bucket{shard.burst, nowMs});
    }
    Bucket& bucket = *it;
    bucket.tokens = shard.tokensAt(bucket, nowMs);
    bucket.lastMs = std::max(bucket.lastMs, nowMs);
    if (bucket.tokens >= 1 - Epsilon) {
        bucket.tokens = std::max(0.0, bucket.tokens - 1);
        return {true, 0};
    }
    const double waitMs = (1 - bucket.tokens) / shard.perMs;
    return {false, std::max<qint64>(1, qint64(std::ceil(waitMs - Epsilon)))};
}

void RateLimiter::setRate(double perSecond, double burst)
{
    Q_ASSERT(perSecond > 0 && std::isfinite(perSecond));
    Q_ASSERT(burst >= 1 && std::isfinite(burst));
    // a bad value in a release build must not divide by zero or lock everyone out for good
    const double perMs = std::isfinite(perSecond) && perSecond > 0 ? perSecond / 1000 : 1e-3;
    const double capacity = std::isfinite(burst) && burst >= 1 ? burst : 1;
    for (int i = 0; i < ShardCount; ++i) {
        Shard& shard = m_shards[i];
        const QMutexLocker lock(&shard.mutex);
        shard.perMs = perMs;
        shard.burst = capacity;
        for (Bucket& bucket : shard.buckets)
            bucket.tokens = std::min(bucket.tokens, capacity);
    }
}

qsizetype RateLimiter::keyCount() const
{
    qsizetype count = 0;
    for (int i = 0; i < ShardCount; ++i) {
        const QMutexLocker lock(&m_shards[i].mutex);
        count += m_shards[i].buckets.size();
    }
    return count;
}

} // namespace souk::api
