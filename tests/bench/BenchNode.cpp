#include "tests/bench/BenchNode.h"

#include <QDate>
#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

#include "backend/client/LocalClient.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/sim/DemoCatalog.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;

namespace souk::bench {
namespace {

constexpr int LinesPerOrder = 3;
constexpr qint64 StockPerSku = 100'000'000; ///< no order of a run may fail for want of stock
constexpr int StartTimeoutMs = 30'000;

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

template <typename T> T must(Result<T>&& result, const char* what)
{
    if (!result)
        qFatal("seeding the store, %s: %s", what, qPrintable(result.error().toString()));
    return std::move(*result);
}

QString soukdProgram()
{
    const QString fromEnvironment = qEnvironmentVariable("SOUKD");
    return fromEnvironment.isEmpty() ? QStringLiteral(SOUK_BENCH_SOUKD) : fromEnvironment;
}

QByteArray readProc(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

orders::NewOrder NodeShop::order(int index) const
{
    orders::NewOrder out{merchant, customers[index % customers.size()], {}, {}, {}};
    for (int k = 0; k < LinesPerOrder; ++k)
        out.lines.append({skus[(index * LinesPerOrder + k) % skus.size()], 1 + k % 2});
    return out;
}

payments::CardInput NodeShop::card() const
{
    return {QString::fromLatin1(payments::SimulatedProvider::Approved), 12, cardYear, u"123"_s};
}

NodeShop seedNodeShop(const QString& path, int products, int customers)
{
    LocalClient::Options options;
    options.store.path = path;
    options.maintenanceIntervalMs = 0;
    auto client = must(LocalClient::open(options), "open");
    NodeShop shop;
    shop.cardYear = QDate::currentDate().year() + 3;
    const catalog::Merchant merchant = must(wait(client->merchants()), "merchants").first();
    shop.merchant = merchant.id;
    catalog::ImportPlan plan = sim::demoCatalog(merchant.currency, products, 11);
    for (auto& item : plan.products) {
        item.product.status = catalog::ProductStatus::Active;
        for (auto& q : item.inventoryQuantities)
            q = StockPerSku;
        for (const auto& v : item.product.variants)
            shop.skus.append(v.sku);
    }
    must(wait(client->runImport(shop.merchant, plan, {})), "import");
    const orders::MerchantTerms terms{shop.merchant, 825, 290, 30, 0, 30, 0};
    must(wait(client->setMerchantTerms(terms, test::newKey())), "terms");
    for (int i = 0; i < customers; ++i) {
        const orders::Customer c{{}, u"Customer %1"_s.arg(i), u"c%1@example.com"_s.arg(i), {}, {}, 0};
        shop.customers.append(must(wait(client->createCustomer(c, test::newKey())), "customer").id);
    }
    // one order for the benchmarks that read one
    shop.order0 = must(wait(client->checkout(shop.order(0), shop.card(), true, test::newKey())), "checkout").order.id;
    // the merchant's owner, as a console on a node would sign in
    shop.userName = u"bench"_s;
    shop.password = u"the bench owner's long password"_s;
    const auto added = must(
        wait(client->addUser(auth::NewUser{shop.userName, auth::Role::Owner, shop.merchant, shop.password})), "user");
    shop.apiKey = must(wait(client->createApiKey(added.user.id, u"bench"_s, std::nullopt)), "key").secret;
    return shop;
}

SoukdProcess::~SoukdProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(StartTimeoutMs);
    }
}

void SoukdProcess::start(const QString& dir, const QString& storePath, const QByteArray& ini, const QStringList& args,
                         quint16 port)
{
    const QString configPath = dir + u"/soukd.conf"_s;
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly) || config.write(ini) != ini.size())
        qFatal("cannot write %s", qPrintable(configPath));
    config.close();
    QTcpServer probe; // a free loopback port: the kernel picks it, then lets it go for soukd
    if (port == 0 && !probe.listen(QHostAddress::LocalHost, 0))
        qFatal("no free port");
    m_port = port == 0 ? probe.serverPort() : port;
    probe.close();
    m_logPath = dir + u"/soukd.log"_s;
    m_process = std::make_unique<QProcess>();
    m_process->setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    });
    m_process->setStandardErrorFile(m_logPath, QIODevice::Append);
    m_process->start(soukdProgram(), QStringList{u"--store"_s, storePath, u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port),
                                                 u"--config"_s, configPath} +
                                         args);
    if (!m_process->waitForStarted(StartTimeoutMs))
        qFatal("soukd (%s) did not start: %s", qPrintable(soukdProgram()), qPrintable(m_process->errorString()));
    static const QRegularExpression fingerprintLine(u"soukd certificate SHA-256 ([0-9A-F:]{95})"_s);
    QByteArray out;
    QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(100);
        out += m_process->readAllStandardOutput();
        const auto match = fingerprintLine.match(QString::fromUtf8(out));
        if (out.contains(QByteArray("soukd listening on https://127.0.0.1:" + QByteArray::number(m_port))) &&
            match.hasMatch()) {
            m_fingerprint = match.captured(1);
            return;
        }
    }
    qFatal("soukd never said it listens; stdout: %s\nlog: %s", out.constData(), readProc(m_logPath).constData());
}

bool SoukdProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return false;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    const bool exited = m_process->waitForFinished(StartTimeoutMs);
    const bool clean = exited && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
    if (!clean)
        qWarning("soukd did not stop cleanly (exit %d); log:\n%s", m_process->exitCode(),
                 readProc(m_logPath).right(4000).constData());
    return clean;
}

void SoukdProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(StartTimeoutMs);
}

qint64 SoukdProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString SoukdProcess::url() const
{
    return u"https://127.0.0.1:%1"_s.arg(m_port);
}

qint64 residentKib(qint64 pid)
{
    for (const QByteArray& line : readProc(u"/proc/%1/status"_s.arg(pid)).split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

double cpuSeconds(qint64 pid)
{
    // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
    const QByteArray stat = readProc(u"/proc/%1/stat"_s.arg(pid));
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

QString loadAverage()
{
    const QList<QByteArray> fields = readProc(u"/proc/loadavg"_s).split(' ');
    return QString::fromLatin1(fields.mid(0, 3).join(' '));
}

double median(QList<double> samples)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype n = samples.size();
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

} // namespace souk::bench
