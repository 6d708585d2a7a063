#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

#include "backend/client/LocalClient.h"
#include "backend/engine/Engine.h"
#include "backend/payments/CommerceCheck.h"
#include "backend/payments/ProviderOutbox.h"

using namespace Qt::StringLiterals;
using namespace souk;

/// Kills a child running the engine under order traffic with SIGKILL at random moments, many
/// times, on one store file. After each restart every order the child had acknowledged (placed,
/// authorized, captured) must exist as paid, every one it cancelled as cancelled, the store's
/// invariants must hold (`soukctl check` passes), and the calls the child could not send to its
/// provider (the holds its cancellations released, its captures) must be sent by the restarted
/// client.
class TestCrashRecovery final : public QObject
{
    Q_OBJECT
private slots:
    void acknowledgedOrdersSurviveKills();
};

void TestCrashRecovery::acknowledgedOrdersSurviveKills()
{
    QTemporaryDir dir;
    const QString store = dir.filePath(u"crash.souk"_s);
    QRandomGenerator rng(20261124);
    qint64 acknowledgedTotal = 0;
    qint64 cancelledTotal = 0;
    qint64 releasedTotal = 0; ///< holds the restarted clients released at their provider
    qint64 capturedTotal = 0; ///< captures the restarted clients sent to their provider
    const int rounds = 12;
    for (int round = 0; round < rounds; ++round) {
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QStringLiteral(CRASH_CHILD_PATH), {store});
        QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("READY"), 20000);
        QTest::qWait(int(rng.bounded(50, 600))); // a random moment under load
        // the child never stops by itself: if it did, it failed or crashed, and says why
        QVERIFY2(child.state() == QProcess::Running,
                 qPrintable(u"the child ended by itself (%1, exit code %2): %3"_s
                                .arg(child.exitStatus() == QProcess::CrashExit ? u"crashed"_s : u"exited"_s)
                                .arg(child.exitCode())
                                .arg(QString::fromLocal8Bit(child.readAllStandardError()))));
        child.kill(); // SIGKILL: no cleanup, no flush, no unlock
        QVERIFY(child.waitForFinished(5000));
        out += child.readAllStandardOutput();
        QList<Id> acknowledged;
        QList<Id> cancelled;
        for (const QByteArray& line : out.split('\n')) {
            if (line.startsWith("ACK "))
                acknowledged.append(Id{line.mid(4).toLongLong()});
            else if (line.startsWith("CANCELLED "))
                cancelled.append(Id{line.mid(10).toLongLong()});
        }
        cancelledTotal += cancelled.size();
        acknowledgedTotal += acknowledged.size();
        // restart on the same file (the dead child's lock is stale) and check
        LocalClient::Options options;
        options.store.path = store;
        options.maintenanceIntervalMs = 0;
        auto provider = std::make_shared<payments::SimulatedProvider>(0);
        options.provider = provider;
        auto client = LocalClient::open(options);
        QVERIFY2(client, qPrintable(client ? QString() : client.error().toString()));
        auto found = (*client)->ordersById(acknowledged);
        found.waitForFinished();
        QVERIFY(found.result());
        const QList<orders::Order> orders = *found.result(); // a copy: result() returns a temporary
        QCOMPARE(orders.size(), acknowledged.size());
        for (const orders::Order& o : orders)
            QCOMPARE(o.status, orders::OrderStatus::Paid);
        auto gone = (*client)->ordersById(cancelled);
        gone.waitForFinished();
        QVERIFY(gone.result());
        const QList<orders::Order> cancelledOrders = *gone.result();
        QCOMPARE(cancelledOrders.size(), cancelled.size());
        for (const orders::Order& o : cancelledOrders)
            QCOMPARE(o.status, orders::OrderStatus::Cancelled);
        // the restarted client sends what the child left in the outbox
        const auto pendingReleases = [&client] {
            auto n = (*client)->engine().read<qint64>([](QSqlDatabase& db) -> Result<qint64> {
                auto rows = payments::ProviderOutbox::pending(db, std::numeric_limits<qint64>::max(), 1'000'000);
                if (!rows)
                    return rows.error();
                return qint64(rows->size());
            });
            n.waitForFinished();
            return n.result() ? *n.result() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(pendingReleases(), 0, 20000);
        releasedTotal += provider->voidedHolds();
        capturedTotal += provider->captures();
        auto problems =
            (*client)->engine().read<QStringList>([](QSqlDatabase& db) { return payments::CommerceCheck::run(db); });
        problems.waitForFinished();
        QVERIFY(problems.result());
        QVERIFY2(problems.result()->isEmpty(), qPrintable(problems.result()->join(u'\n')));
        client->reset();
        // and the operator's own check agrees, catalog and stock journal included
        QProcess check;
        check.start(QStringLiteral(SOUKCTL_PATH), {u"--store"_s, store, u"check"_s});
        QVERIFY(check.waitForFinished(60000));
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0,
                 qPrintable(QString::fromLocal8Bit(check.readAllStandardOutput() + check.readAllStandardError())));
    }
    qInfo() << rounds << "kills," << acknowledgedTotal << "acknowledged orders, all present and paid," << cancelledTotal
            << "cancelled," << releasedTotal << "holds released and" << capturedTotal
            << "captures sent after the restarts";
    QVERIFY(acknowledgedTotal > 0);
    QVERIFY(cancelledTotal > 0);
    // every cancellation the child reported put its hold in the outbox (a kill may come after
    // a commit and before the report, so there can be more)
    QVERIFY2(releasedTotal >= cancelledTotal,
             qPrintable(u"%1 released, %2 cancelled"_s.arg(releasedTotal).arg(cancelledTotal)));
    // and every capture the child acknowledged reached the provider through its outbox
    QVERIFY2(capturedTotal >= acknowledgedTotal,
             qPrintable(u"%1 captures sent, %2 acknowledged"_s.arg(capturedTotal).arg(acknowledgedTotal)));
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "TestCrashRecovery.moc"
