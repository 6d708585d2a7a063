// Console figures with a large catalog: time from opening the main window to the first rows of
// the catalog table, time until every product is loaded, the longest GUI event-loop stall while
// loading, and the resident memory afterwards. Also a bulk price change through the client with
// the window open (the change feed then updates the rows it touched).
// Usage: bench_console [PRODUCTS] (default 100000). Build in Release; runs offscreen.
#include <QApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include "backend/client/LocalClient.h"
#include "backend/sim/DemoCatalog.h"
#include "models/catalog/ProductListModel.h"
#include "models/common/Prefs.h"
#include "tests/bench/BenchSupport.h"
#include "views/catalog/CatalogPage.h"
#include "views/main/MainWindow.h"

using namespace Qt::StringLiterals;
using namespace souk;

namespace {

template <typename T>
T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

/// Fills a store with `products` demo products (about 1.65 SKUs each) and closes it again.
void seed(const QString& path, int products)
{
    LocalClient::Options options;
    options.store.path = path;
    auto client = LocalClient::open(options);
    if (!client)
        qFatal("%s", qPrintable(client.error().toString()));
    const auto merchant = wait((*client)->merchants())->first();
    const auto plan = sim::demoCatalog(merchant.currency, products, 11);
    auto done = wait((*client)->runImport(merchant.id, plan, {}));
    if (!done)
        qFatal("seeding failed: %s", qPrintable(done.error().toString()));
    QTextStream(stdout) << "bench_console: " << products << " products, " << plan.variantCount << " SKUs" << Qt::endl;
}

/// Measures how late a 5 ms timer fires while `busy` holds: the GUI thread's longest stall.
class StallProbe final : public QObject
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.restart();
            m_worstMs = std::max(m_worstMs, gap - 5);
            m_gaps.append(double(gap - 5));
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 worstMs() const { return m_worstMs; }
    const QList<double>& gaps() const { return m_gaps; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_worstMs = 0;
    QList<double> m_gaps;
};

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == u"--seed") { // child mode: keeps the seeding out of our memory figures
        seed(args[2], args[3].toInt());
        return 0;
    }
    const int products = args.size() > 1 ? args[1].toInt() : 100'000;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"console.souk"_s);
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(app.applicationFilePath(), {u"--seed"_s, path, QString::number(products)});
    if (!child.waitForFinished(600'000) || child.exitCode() != 0)
        qFatal("seeding failed");
    const double rssBefore = bench::residentMb();

    LocalClient::Options options;
    options.store.path = path;
    auto client = LocalClient::open(options);
    const auto merchant = wait((*client)->merchants())->first();
    Prefs prefs(dir.filePath(u"bench.ini"_s));

    QElapsedTimer sinceOpen;
    sinceOpen.start();
    MainWindow window(**client, prefs, merchant.id, merchant.name);
    window.resize(1440, 900);
    window.show();
    ProductListModel* model = window.catalogPage()->model();
    qint64 firstRowsMs = -1;
    qint64 allRowsMs = -1;
    StallProbe probe;
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &app, [&] {
        if (firstRowsMs < 0)
            firstRowsMs = sinceOpen.elapsed();
    });
    QObject::connect(model, &ProductListModel::loadingChanged, &app, [&](bool loading) {
        if (!loading && allRowsMs < 0) {
            allRowsMs = sinceOpen.elapsed();
            QTimer::singleShot(200, &app, &QCoreApplication::quit);
        }
    });
    QTimer::singleShot(120'000, &app, &QCoreApplication::quit);
    app.exec();
    bench::report(u"catalog page: window open to first rows"_s, firstRowsMs, u"ms"_s);
    bench::report(u"catalog page: all rows loaded"_s, allRowsMs, u"ms"_s);
    bench::report(u"catalog page: rows in the table"_s, model->rowCount(), u"rows"_s);
    bench::report(u"GUI stall while loading, worst"_s, probe.worstMs(), u"ms"_s);
    bench::report(u"GUI stall while loading, p99"_s, bench::percentile(probe.gaps(), 99), u"ms"_s);
    bench::report(u"console RSS before the window"_s, rssBefore, u"MB"_s);
    bench::report(u"console RSS with all rows loaded"_s, bench::residentMb(), u"MB"_s);
    return model->rowCount() == products ? 0 : 1;
}
