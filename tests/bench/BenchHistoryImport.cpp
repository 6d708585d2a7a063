// A merchant's payment history imported into a real store (issue "Risk" §2 at §7's scale), the
// two ways the engine can: one command (one transaction: the writer serves nothing else until it
// ends) and pieces of 5,000 rows (begin, chunks, finish: what `soukctl payments import-history`
// does), each into a fresh store in the same run. While each import runs, a probe queues a one-row
// write every 20 ms and times it from queueing to commit: what a checkout waits meanwhile.
// Usage: bench_history_import [ROWS [CHUNK]] (default 1000000 5000). Build in Release.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <span>
#include <thread>

#include "backend/client/LocalClient.h"
#include "backend/engine/Engine.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/history/FraudSimulator.h"
#include "backend/store/Sql.h"
#include "tests/bench/BenchSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::risk;
using souk::bench::percentile;
using souk::bench::report;

namespace {

const Actor Importer{u"bench"_s, u"admin"_s};

template <typename T>
T need(Result<T> r, const char* what)
{
    if (!r)
        qFatal("%s: %s", what, qPrintable(r.error().toString()));
    return std::move(r).value();
}

template <typename T>
Result<T> wait(QFuture<Result<T>> f)
{
    f.waitForFinished();
    return f.result();
}

std::unique_ptr<LocalClient> openStore(const QString& path)
{
    LocalClient::Options options;
    options.store.path = path;
    options.provider = std::make_shared<payments::SimulatedProvider>(0);
    options.maintenanceIntervalMs = 0;
    return need(LocalClient::open(options), "opening the store");
}

/// Queues a small write every 20 ms until stopped; the waits from queueing to commit, in ms.
class Probe
{
public:
    explicit Probe(engine::Engine& engine) : m_engine(engine)
    {
        m_thread = std::thread([this] {
            while (!m_stop.load()) {
                QElapsedTimer t;
                t.start();
                auto f = m_engine.write<int>(Importer, [](store::UnitOfWork& uow) -> Result<int> {
                    if (auto s = store::exec(uow.db(), u"UPDATE risk_policy SET generation = generation WHERE id = 1"_s);
                        !s)
                        return s.error();
                    return 0;
                });
                f.waitForFinished();
                m_waits.append(double(t.nsecsElapsed()) / 1e6);
                QThread::msleep(20);
            }
        });
    }
    QList<double> stop()
    {
        m_stop = true;
        m_thread.join();
        return m_waits;
    }

private:
    engine::Engine& m_engine;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    QList<double> m_waits;
};

void reportWaits(const QString& name, const QList<double>& waits)
{
    QTextStream(stdout) << "  " << name << ": " << waits.size() << " probe writes" << Qt::endl;
    report(u"    probe wait p50"_s, percentile(waits, 50), u"ms"_s);
    report(u"    probe wait p99"_s, percentile(waits, 99), u"ms"_s);
    report(u"    probe wait max"_s, percentile(waits, 100), u"ms"_s);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rowCount = app.arguments().size() > 1 ? app.arguments().at(1).toLongLong() : 1'000'000;
    const qsizetype chunkRows = app.arguments().size() > 2 ? app.arguments().at(2).toLongLong() : 5000; // soukctl's
    FraudSimulatorOptions options;
    options.merchants = 1;
    options.payments = rowCount;
    const std::vector<HistoryPayment> rows = FraudSimulator::payments(need(FraudSimulator::generate(options), "simulating"));
    QTemporaryDir dir;
    QTextStream out(stdout);
    out << "History import of " << rowCount << " simulated payments, " << QThread::idealThreadCount() << " cores"
        << Qt::endl;

    double oneS = 0, chunkedS = 0;
    {
        auto client = openStore(dir.filePath(u"one.souk"_s));
        const Id merchant = need(wait(client->merchants()), "merchants").first().id;
        Probe probe(client->engine());
        QElapsedTimer t;
        t.start();
        need(wait(client->engine().write<HistoryImportSummary>(
                 Importer, [&](store::UnitOfWork& uow) { return HistoryImport::run(uow, merchant, rows); })),
             "import");
        oneS = double(t.nsecsElapsed()) / 1e9;
        report(u"one command"_s, oneS, u"s"_s);
        reportWaits(u"one command"_s, probe.stop());
    }
    {
        auto client = openStore(dir.filePath(u"chunked.souk"_s));
        engine::Engine& engine = client->engine();
        const Id merchant = need(wait(client->merchants()), "merchants").first().id;
        Probe probe(engine);
        QElapsedTimer t;
        t.start();
        const Id batch = need(wait(engine.write<Id>(Importer, [&](store::UnitOfWork& uow) {
                                  return HistoryImport::begin(uow, merchant, qint64(rows.size()));
                              })),
                              "begin");
        HistoryImportSummary summary;
        for (std::size_t from = 0; from < rows.size(); from += std::size_t(chunkRows)) {
            const std::span<const HistoryPayment> piece(rows.data() + from,
                                                        std::min<std::size_t>(std::size_t(chunkRows), rows.size() - from));
            need(wait(engine.write<int>(Importer,
                                        [&](store::UnitOfWork& uow) -> Result<int> {
                                            if (auto s = HistoryImport::chunk(uow, merchant, batch, piece, summary); !s)
                                                return s.error();
                                            return 0;
                                        })),
                 "chunk");
        }
        need(wait(engine.write<int>(Importer,
                                    [&](store::UnitOfWork& uow) -> Result<int> {
                                        if (auto s = HistoryImport::finish(uow, batch); !s)
                                            return s.error();
                                        return 0;
                                    })),
             "finish");
        chunkedS = double(t.nsecsElapsed()) / 1e9;
        const QString name = u"pieces of %1"_s.arg(chunkRows);
        report(name, chunkedS, u"s"_s);
        reportWaits(name, probe.stop());
    }
    report(u"pieces / one command"_s, 100.0 * chunkedS / oneS, u"%"_s);
    return 0;
}
