// The console's choice of node in a cluster: each policy, health, retries elsewhere, and the
// merchant's node staying put while only a down node's merchants move.
#include <QTest>

#include "backend/client/NodeBalancer.h"

using namespace Qt::StringLiterals;
using namespace souk;

namespace {

const QStringList Three{u"https://node-1:8443"_s, u"https://node-2:8443"_s, u"https://node-3:8443"_s};

} // namespace

class TestNodeBalancer : public QObject
{
    Q_OBJECT

private slots:
    void roundRobinTakesEachHealthyNodeInTurn();
    void leastOutstandingTakesTheQuietestNode();
    void aRetryGoesElsewhere();
    void aMerchantStaysOnItsNode();
    void merchantsSpreadEvenly();
    void onlyADownNodesMerchantsMoveAndTheyComeBack();
    void noHealthyNodeIsMinusOne();
};

void TestNodeBalancer::roundRobinTakesEachHealthyNodeInTurn()
{
    NodeBalancer b(Three, NodeBalancer::Policy::RoundRobin);
    QList<int> picked;
    for (int i = 0; i < 6; ++i)
        picked << b.pick();
    QCOMPARE(picked, (QList<int>{0, 1, 2, 0, 1, 2}));
    b.setHealthy(1, false);
    picked.clear();
    for (int i = 0; i < 4; ++i)
        picked << b.pick();
    QCOMPARE(picked, (QList<int>{0, 2, 0, 2}));
    QCOMPARE(b.healthyCount(), 2);
}

void TestNodeBalancer::leastOutstandingTakesTheQuietestNode()
{
    NodeBalancer b(Three, NodeBalancer::Policy::LeastOutstanding);
    b.started(0);
    b.started(0);
    b.started(1);
    QCOMPARE(b.pick(), 2);
    b.started(2);
    b.started(2);
    QCOMPARE(b.pick(), 1); // 2, 1, 2 in flight
    b.finished(0);
    b.finished(0);
    QCOMPARE(b.pick(), 0);
    b.finished(0); // never below zero
    QCOMPARE(b.outstanding(0), 0);
    // ties go in turn, not always to the first
    NodeBalancer tie(Three, NodeBalancer::Policy::LeastOutstanding);
    QCOMPARE(tie.pick(), 0);
    QCOMPARE(tie.pick(), 1);
    QCOMPARE(tie.pick(), 2);
}

void TestNodeBalancer::aRetryGoesElsewhere()
{
    for (auto policy : {NodeBalancer::Policy::RoundRobin, NodeBalancer::Policy::LeastOutstanding,
                        NodeBalancer::Policy::ByMerchant}) {
        NodeBalancer b(Three, policy);
        const Id merchant{4242};
        const int first = b.pick(merchant);
        const int second = b.pick(merchant, {first});
        const int third = b.pick(merchant, {first, second});
        QVERIFY(first >= 0 && second >= 0 && third >= 0);
        QCOMPARE((QSet<int>{first, second, third}).size(), 3);
        QCOMPARE(b.pick(merchant, {0, 1, 2}), -1);
    }
}

void TestNodeBalancer::aMerchantStaysOnItsNode()
{
    NodeBalancer b(Three, NodeBalancer::Policy::ByMerchant);
    const Id merchant{388238197211009024};
    const int home = b.pick(merchant);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(b.pick(merchant), home);
    // another console, with the nodes listed in another order, agrees
    NodeBalancer other({Three[2], Three[0], Three[1]}, NodeBalancer::Policy::ByMerchant);
    QCOMPARE(other.node(other.pick(merchant)), b.node(home));
    // a request about no merchant goes round
    QCOMPARE(b.pick(), 0);
    QCOMPARE(b.pick(), 1);
}

void TestNodeBalancer::merchantsSpreadEvenly()
{
    NodeBalancer b(Three, NodeBalancer::Policy::ByMerchant);
    int count[3] = {0, 0, 0};
    constexpr int Merchants = 3000;
    for (int m = 1; m <= Merchants; ++m)
        ++count[b.pick(Id{qint64(m) * 7919})];
    for (int c : count)
        QVERIFY2(c > Merchants * 0.28 && c < Merchants * 0.39, qPrintable(QString::number(c)));
}

void TestNodeBalancer::onlyADownNodesMerchantsMoveAndTheyComeBack()
{
    NodeBalancer b(Three, NodeBalancer::Policy::ByMerchant);
    constexpr int Merchants = 600;
    QList<int> before;
    for (int m = 1; m <= Merchants; ++m)
        before << b.pick(Id{m});
    b.setHealthy(1, false);
    int moved = 0;
    for (int m = 1; m <= Merchants; ++m) {
        const int now = b.pick(Id{m});
        QVERIFY(now != 1);
        if (before[m - 1] != 1)
            QCOMPARE(now, before[m - 1]); // a healthy node keeps every merchant it had
        else
            ++moved;
    }
    QCOMPARE(moved, int(before.count(1)));
    b.setHealthy(1, true);
    for (int m = 1; m <= Merchants; ++m)
        QCOMPARE(b.pick(Id{m}), before[m - 1]);
}

void TestNodeBalancer::noHealthyNodeIsMinusOne()
{
    NodeBalancer b(Three, NodeBalancer::Policy::RoundRobin);
    for (int i = 0; i < 3; ++i)
        b.setHealthy(i, false);
    QCOMPARE(b.pick(), -1);
    QCOMPARE(b.pick(Id{5}), -1);
    b.setHealthy(2, true);
    QCOMPARE(b.pick(), 2);
    NodeBalancer none({}, NodeBalancer::Policy::LeastOutstanding);
    QCOMPARE(none.pick(), -1);
}

QTEST_GUILESS_MAIN(TestNodeBalancer)
#include "TestNodeBalancer.moc"
