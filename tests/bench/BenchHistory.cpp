// Payment history at the scale of issue "Risk" §7 (1,000,000 historical payments): how long the fraud
// simulator takes to make them, the history CSV to write them, and HistoryCsv::parse() to read them
// back (every cell checked, rows sorted by time). All in memory, no store. Each step runs twice.
// Usage: bench_history [ROWS] (default 1000000). Build in Release.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include "backend/risk/history/FraudSimulator.h"
#include "backend/risk/history/HistoryCsv.h"
#include "tests/bench/BenchSupport.h"

using namespace Qt::StringLiterals;
using namespace souk::risk;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rowCount = app.arguments().size() > 1 ? app.arguments().at(1).toLongLong() : 1'000'000;
    FraudSimulatorOptions options;
    options.payments = rowCount;

    std::vector<SimulatedPayment> rows;
    for (int run = 1; run <= 2; ++run) {
        rows.clear();
        rows.shrink_to_fit();
        QElapsedTimer timer;
        timer.start();
        auto generated = FraudSimulator::generate(options);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!generated) {
            QTextStream(stderr) << generated.error().toString() << Qt::endl;
            return 1;
        }
        rows = std::move(generated).value();
        souk::bench::report(u"history: generate %1 rows, run %2"_s.arg(rowCount).arg(run), ms, u"ms"_s);
    }
    souk::bench::report(u"history: resident after generating"_s, souk::bench::residentMb(), u"MB"_s);

    QByteArray csv;
    {
        const std::vector<HistoryPayment> payments = FraudSimulator::payments(rows);
        rows.clear();
        rows.shrink_to_fit();
        QElapsedTimer timer;
        timer.start();
        csv = HistoryCsv::write(payments);
        souk::bench::report(u"history: write %1 rows as CSV"_s.arg(rowCount), double(timer.nsecsElapsed()) / 1e6,
                            u"ms"_s);
        souk::bench::report(u"history: CSV size"_s, double(csv.size()) / 1e6, u"MB"_s);
    }
    for (int run = 1; run <= 2; ++run) {
        QElapsedTimer timer;
        timer.start();
        const HistoryParse parse = HistoryCsv::parse(csv);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!parse.ok() || qint64(parse.file.payments.size()) != rowCount) {
            QTextStream(stderr) << (parse.ok() ? u"wrong row count"_s : parse.problems.front().toString()) << Qt::endl;
            return 1;
        }
        souk::bench::report(u"history: parse %1-row CSV, run %2"_s.arg(rowCount).arg(run), ms, u"ms"_s);
        souk::bench::report(u"history: resident while parsed"_s, souk::bench::residentMb(), u"MB"_s);
    }
    return 0;
}
