#include <QSet>
#include <QTest>
#include <QThread>

#include <thread>
#include <vector>

#include "backend/core/Clock.h"
#include "backend/core/Id.h"

using namespace Qt::StringLiterals;
using namespace souk;

class TestId final : public QObject
{
    Q_OBJECT

private slots:
    void orderedAndUnique();
    void carriesTimeAndNode();
    void nodesNeverCollide();
    void clockStepsBack();
    void burstBeyondSequence();
    void threadsNeverCollide();
    void parse();
};

void TestId::orderedAndUnique()
{
    MockClock clock;
    IdGenerator gen(1, clock);
    Id last;
    for (int i = 0; i < 10000; ++i) {
        if (i % 100 == 0)
            clock.advanceMs(1);
        const Id id = gen.next();
        QVERIFY(id > last);
        last = id;
    }
}

void TestId::carriesTimeAndNode()
{
    MockClock clock(1767225600123);
    IdGenerator gen(37, clock);
    const Id id = gen.next();
    QCOMPARE(IdGenerator::timestampMsOf(id), 1767225600123LL);
    QCOMPARE(IdGenerator::nodeOf(id), 37);
    QVERIFY(id.value > 0);
}

void TestId::nodesNeverCollide()
{
    MockClock clock;
    IdGenerator a(1, clock);
    IdGenerator b(2, clock);
    QSet<qint64> seen;
    for (int i = 0; i < 5000; ++i) {
        QVERIFY(!seen.contains(a.next().value));
        QVERIFY(!seen.contains(b.next().value));
    }
    // re-check with both inserted
    seen.clear();
    MockClock c2;
    IdGenerator x(1, c2), y(2, c2);
    for (int i = 0; i < 5000; ++i) {
        seen.insert(x.next().value);
        seen.insert(y.next().value);
    }
    QCOMPARE(seen.size(), 10000);
}

void TestId::clockStepsBack()
{
    MockClock clock;
    IdGenerator gen(1, clock);
    const Id before = gen.next();
    clock.advanceMs(-60'000);
    const Id after = gen.next();
    QVERIFY(after > before);
}

void TestId::burstBeyondSequence()
{
    MockClock clock; // frozen: more than 4096 ids in one millisecond
    IdGenerator gen(1, clock);
    QSet<qint64> seen;
    Id last;
    for (int i = 0; i < 10000; ++i) {
        const Id id = gen.next();
        QVERIFY(id > last);
        last = id;
        seen.insert(id.value);
    }
    QCOMPARE(seen.size(), 10000);
}

void TestId::threadsNeverCollide()
{
    SystemClock clock;
    IdGenerator gen(3, clock);
    std::vector<std::vector<qint64>> perThread(4);
    std::vector<std::thread> threads;
    for (auto& bucket : perThread) {
        threads.emplace_back([&gen, &bucket] {
            for (int i = 0; i < 20000; ++i)
                bucket.push_back(gen.next().value);
        });
    }
    for (auto& t : threads)
        t.join();
    QSet<qint64> all;
    for (const auto& bucket : perThread)
        for (qint64 v : bucket)
            all.insert(v);
    QCOMPARE(all.size(), 80000);
}

void TestId::parse()
{
    QCOMPARE(Id::parse(u"123456789012345"_s, u"id"_s)->value, 123456789012345LL);
    auto bad = Id::parse(u"12ab"_s, u"productId"_s);
    QVERIFY(!bad);
    QCOMPARE(bad.error().field, u"productId"_s);
    QVERIFY(!Id::parse(u"-5"_s, u"id"_s));
    QVERIFY(!Id::parse(u""_s, u"id"_s));
    QCOMPARE(Id{42}.toString(), u"42"_s);
}

QTEST_GUILESS_MAIN(TestId)
#include "TestId.moc"
