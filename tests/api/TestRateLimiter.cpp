#include <atomic>
#include <latch>
#include <memory>
#include <vector>

#include <QTest>
#include <QThread>

#include "backend/api/node/RateLimiter.h"

using namespace Qt::StringLiterals;
using namespace souk::api;

namespace {

constexpr qint64 StartMs = 1'000'000; // any monotonic origin; not zero, so nothing relies on it

/// How many of `count` requests at `nowMs` pass.
int allowedOf(RateLimiter& limiter, const QString& key, int count, qint64 nowMs)
{
    int allowed = 0;
    for (int i = 0; i < count; ++i)
        allowed += limiter.take(key, nowMs).allowed ? 1 : 0;
    return allowed;
}

} // namespace

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void burstThenRefusal();
    void refillOverTime();
    void refillStopsAtBurst();
    void fractionalRate();
    void keysAreIndependent();
    void setRateLowersAndRaises();
    void clockSteppingBack();
    void memoryIsBounded();
    void activeLimitedKeySurvivesChurn();
    void refillingKeyKeepsItsDebt();
    void threadsShareOneBucket();
};

void TestRateLimiter::burstThenRefusal()
{
    RateLimiter limiter(10, 5); // 10/s: one token every 100 ms
    for (int i = 0; i < 5; ++i) {
        const auto decision = limiter.take(u"198.51.100.1"_s, StartMs);
        QVERIFY2(decision.allowed, qPrintable(u"request %1"_s.arg(i)));
        QCOMPARE(decision.retryAfterMs, 0);
    }
    const auto refused = limiter.take(u"198.51.100.1"_s, StartMs);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.retryAfterMs, 100);
    // refused requests cost nothing: the wait does not grow
    QCOMPARE(limiter.take(u"198.51.100.1"_s, StartMs).retryAfterMs, 100);
}

void TestRateLimiter::refillOverTime()
{
    RateLimiter limiter(10, 5);
    QCOMPARE(allowedOf(limiter, u"a"_s, 5, StartMs), 5);
    const auto halfway = limiter.take(u"a"_s, StartMs + 40);
    QVERIFY(!halfway.allowed);
    QCOMPARE(halfway.retryAfterMs, 60); // the retry hint is exact: waiting it is enough
    QVERIFY(limiter.take(u"a"_s, StartMs + 40 + 60).allowed);
    QVERIFY(!limiter.take(u"a"_s, StartMs + 100).allowed);
    // 1 s later: 10 tokens' worth of time, but only the burst is kept
    QCOMPARE(allowedOf(limiter, u"a"_s, 20, StartMs + 100 + 1'000), 5);
    // a steady 10/s stream is served indefinitely
    for (int i = 1; i <= 50; ++i)
        QVERIFY(limiter.take(u"a"_s, StartMs + 1'100 + i * 100).allowed);
}

void TestRateLimiter::refillStopsAtBurst()
{
    RateLimiter limiter(50, 100);
    QCOMPARE(allowedOf(limiter, u"a"_s, 100, StartMs), 100);
    QCOMPARE(allowedOf(limiter, u"a"_s, 1000, StartMs + 3'600'000), 100); // an hour idle is still one burst
}

void TestRateLimiter::fractionalRate()
{
    RateLimiter limiter(3, 1); // 333.3 ms per token: the hint rounds up, never down
    QVERIFY(limiter.take(u"a"_s, StartMs).allowed);
    const auto refused = limiter.take(u"a"_s, StartMs);
    QCOMPARE(refused.retryAfterMs, 334);
    QVERIFY(!limiter.take(u"a"_s, StartMs + 333).allowed);
    QVERIFY(limiter.take(u"a"_s, StartMs + 334).allowed);

    RateLimiter slow(0.5, 1); // one request every two seconds
    QVERIFY(slow.take(u"a"_s, StartMs).allowed);
    QCOMPARE(slow.take(u"a"_s, StartMs + 500).retryAfterMs, 1'500);
}

void TestRateLimiter::keysAreIndependent()
{
    RateLimiter limiter(1, 2);
    QCOMPARE(allowedOf(limiter, u"192.0.2.1"_s, 10, StartMs), 2);
    QCOMPARE(allowedOf(limiter, u"192.0.2.2"_s, 10, StartMs), 2);
    QCOMPARE(allowedOf(limiter, u"principal:42"_s, 10, StartMs), 2);
    QVERIFY(!limiter.take(u"192.0.2.1"_s, StartMs).allowed);
    QCOMPARE(limiter.keyCount(), 3);
}

void TestRateLimiter::setRateLowersAndRaises()
{
    RateLimiter limiter(10, 10);
    QCOMPARE(allowedOf(limiter, u"a"_s, 2, StartMs), 2); // 8 left

    // a reload to a smaller burst cuts existing buckets down to it
    limiter.setRate(1, 3);
    QCOMPARE(allowedOf(limiter, u"a"_s, 10, StartMs), 3);
    QCOMPARE(limiter.take(u"a"_s, StartMs).retryAfterMs, 1'000);
    QCOMPARE(allowedOf(limiter, u"new"_s, 10, StartMs), 3); // new keys start with the new burst

    // a faster rate shortens the wait at once
    limiter.setRate(100, 3);
    QCOMPARE(limiter.take(u"a"_s, StartMs).retryAfterMs, 10);
    QCOMPARE(allowedOf(limiter, u"a"_s, 10, StartMs + 30), 3);
}

void TestRateLimiter::clockSteppingBack()
{
    RateLimiter limiter(10, 2);
    QCOMPARE(allowedOf(limiter, u"a"_s, 2, StartMs), 2);
    // an earlier time refills nothing and does not rewind the bucket, so going back and forth gains nothing
    QVERIFY(!limiter.take(u"a"_s, StartMs - 10'000).allowed);
    QVERIFY(!limiter.take(u"a"_s, StartMs + 50).allowed);
    QVERIFY(limiter.take(u"a"_s, StartMs + 100).allowed);
}

void TestRateLimiter::memoryIsBounded()
{
    RateLimiter limiter(1, 5, 1'600);
    QCOMPARE(limiter.keysMax(), 1'600);
    for (int i = 0; i < 20'000; ++i) {
        limiter.take(u"key-%1"_s.arg(i), StartMs + i);
        QVERIFY2(limiter.keyCount() <= limiter.keysMax(), qPrintable(u"after %1 keys"_s.arg(i + 1)));
    }
    QVERIFY(limiter.keyCount() > limiter.keysMax() / 2);               // pruned in steps, not emptied
    QCOMPARE(RateLimiter(1, 1, 5).keysMax(), RateLimiter::ShardCount); // never below one key a shard
    QCOMPARE(RateLimiter(1, 1).keysMax(), RateLimiter::DefaultKeysMax);
}

void TestRateLimiter::activeLimitedKeySurvivesChurn()
{
    // rotating through fresh keys must not buy a limited client a new burst by pushing it out
    RateLimiter limiter(1, 3, 160);
    qint64 nowMs = StartMs;
    for (int i = 0; i < 1'000; ++i)
        limiter.take(u"churn-%1"_s.arg(i), nowMs++);
    QCOMPARE(allowedOf(limiter, u"spender"_s, 10, nowMs), 3);
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < 300; ++i)
            limiter.take(u"churn-%1-%2"_s.arg(round).arg(i), nowMs); // a burst of new keys within one ms
        QVERIFY2(!limiter.take(u"spender"_s, nowMs).allowed, qPrintable(u"round %1"_s.arg(round)));
    }
}

void TestRateLimiter::refillingKeyKeepsItsDebt()
{
    // 1,600 keys, 100 a shard; 640 new keys a second for 4.5 s is 180 a shard, of which about 40 have
    // not refilled yet (one token, 1 s): pruning drops refilled buckets and nothing else
    RateLimiter limiter(1, 5, 1'600);
    QCOMPARE(allowedOf(limiter, u"spender"_s, 5, StartMs), 5);
    for (int i = 0; i < 2'880; ++i)
        limiter.take(u"visitor-%1"_s.arg(i), StartMs + 1 + i * 1'000 / 640);
    QVERIFY(limiter.keyCount() <= 1'600);
    // 4.5 tokens back: four requests, where a forgotten bucket would have started over with five
    QCOMPARE(allowedOf(limiter, u"spender"_s, 10, StartMs + 4'500), 4);
}

void TestRateLimiter::threadsShareOneBucket()
{
    constexpr int Threads = 4;
    constexpr int Attempts = 50'000;
    RateLimiter limiter(0.001, Threads * Attempts / 2);
    std::atomic<int> allowed = 0;
    std::latch start(Threads); // all at once, or the threads would mostly run one after another
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([&limiter, &allowed, &start, t] {
            const QString own = u"own-%1"_s.arg(t);
            start.arrive_and_wait();
            for (int i = 0; i < Attempts; ++i) {
                allowed += limiter.take(u"shared"_s, StartMs).allowed ? 1 : 0;
                if (i % 8 == 0)
                    limiter.take(own + QString::number(i / 8 % 64), StartMs + i); // inserts while others read
            }
        }));
        threads.back()->start();
    }
    for (const auto& thread : threads)
        QVERIFY(thread->wait(120'000));
    QCOMPARE(allowed.load(), Threads * Attempts / 2); // exactly one burst granted: no token lost or doubled
    QCOMPARE(limiter.keyCount(), 1 + Threads * 64);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "TestRateLimiter.moc"
