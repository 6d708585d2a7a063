#include "tests/support/StoreFixture.h"

#include <QCoreApplication>
#include <QTest>
#include <QRegularExpression>
#include <QUrl>

#include "backend/engine/Engine.h"
#include "backend/store/StoreOptions.h"
#include "tests/support/Keys.h"
#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;

namespace souk::test {
namespace {

/// Under SOUK_TEST_STORE=postgresql (a test's PostgreSQL twin), the URL of a new database on a
/// throwaway server started at the first call and kept for the test process, or
/// SOUK_TEST_PG_URL when the test set it; else "".
/// Each fixture gets a database of its own, as each gets a file of its own otherwise.
QString postgresStore()
{
    if (qEnvironmentVariable("SOUK_TEST_STORE") != u"postgresql")
        return {};
    // a database the test made itself (a cluster's primary and standby behind one URL), used as is
    if (const QString given = qEnvironmentVariable("SOUK_TEST_PG_URL"); !given.isEmpty())
        return given;
    static PgServer* server = [] {
        auto* s = new PgServer; // stopped at exit by its destructor (a static's)
        if (!s->start())
            qFatal("StoreFixture: cannot start PostgreSQL: %s", qPrintable(s->error()));
        return s;
    }();
    static const std::unique_ptr<PgServer> owner(server);
    static int serial = 0;
    const QString name = u"store_%1"_s.arg(++serial);
    if (!server->createDatabase(name))
        qFatal("StoreFixture: cannot create a database: %s", qPrintable(server->error()));
    return server->url(name);
}

/// libpq's words for "postgres://USER@H1:P1,H2:P2/DB?K=V&..." (a cluster's URL, which QUrl cannot
/// read: several hosts), for QPSQL's connect options; "" for a URL with one host.
QString multiHostOptions(const QString& url)
{
    static const QRegularExpression form(u"^postgres(?:ql)?://(?:([^@/]*)@)?([^/?]*,[^/?]*)/([^?]*)(?:\\?(.*))?$"_s);
    const auto m = form.match(url);
    if (!m.hasMatch())
        return {};
    QStringList hosts;
    QStringList ports;
    for (const QString& hostPort : m.captured(2).split(u',')) {
        hosts << hostPort.section(u':', 0, 0);
        ports << hostPort.section(u':', 1, 1);
    }
    QStringList words = {u"host=%1"_s.arg(hosts.join(u',')), u"port=%1"_s.arg(ports.join(u',')),
                         u"dbname=%1"_s.arg(m.captured(3))};
    if (!m.captured(1).isEmpty())
        words << u"user=%1"_s.arg(m.captured(1));
    for (const QString& pair : m.captured(4).split(u'&', Qt::SkipEmptyParts))
        words << pair;
    return words.join(u' ');
}

} // namespace

StoreFixture::StoreFixture(const QString& currency, const Clock& clock)
{
    LocalClient::Options options;
    const QString postgres = postgresStore();
    options.store.path = postgres.isEmpty() ? m_dir.filePath(u"test.souk"_s) : postgres;
    options.actor = Actor{u"tester"_s, u"owner"_s};
    options.defaultCurrency = currency;
    options.defaultMerchantName = u"Test Shop"_s;
    options.provider = m_provider;
    options.maintenanceIntervalMs = 0; // tests run maintenance when they mean to
    m_options = options;
    m_clock = &clock;
    auto client = LocalClient::open(options, clock);
    if (!client) {
        qWarning().noquote() << "StoreFixture: cannot open store:" << client.error().toString();
        return;
    }
    m_client = std::move(client).value();
    auto merchants = wait(m_client->merchants());
    if (!merchants || merchants->isEmpty())
        return;
    m_merchantId = merchants->first().id;
    m_currency = merchants->first().currency;
    auto locations = wait(m_client->locations(m_merchantId));
    if (locations && !locations->isEmpty())
        m_locationId = locations->first().id;
}

StoreFixture::~StoreFixture() = default;

bool StoreFixture::reopen()
{
    m_client.reset();
    auto client = LocalClient::open(m_options, *m_clock);
    if (!client) {
        qWarning().noquote() << "StoreFixture: cannot reopen the store:" << client.error().toString();
        return false;
    }
    m_client = std::move(client).value();
    return true;
}

bool StoreFixture::reopenWith(std::shared_ptr<payments::PaymentProvider> provider, store::Durability durability)
{
    m_options.provider = provider ? std::move(provider) : m_provider;
    m_options.store.durability = durability;
    return reopen();
}

QSqlDatabase StoreFixture::rawConnection(const QString& path, const QString& name)
{
    const bool postgres = store::StoreOptions::isPostgresUrl(path);
    QSqlDatabase db = QSqlDatabase::addDatabase(postgres ? u"QPSQL"_s : u"QSQLITE"_s, name);
    if (!postgres) {
        db.setDatabaseName(path);
        return db;
    }
    if (const auto options = multiHostOptions(path); !options.isEmpty()) {
        db.setConnectOptions(options);
        return db;
    }
    const QUrl url(path); // the fixture's URLs: one host, a user, no password
    db.setHostName(url.host());
    db.setPort(url.port());
    db.setUserName(url.userName());
    db.setDatabaseName(url.path().mid(1));
    return db;
}

QString StoreFixture::storePath() const
{
    return m_options.store.path;
}

QStringList StoreFixture::problems()
{
    if (!m_client)
        return {u"the store is not open"_s};
    auto found = wait(m_client->checkStore());
    return found ? *found : QStringList{found.error().toString()};
}

void StoreFixture::processEvents()
{
    // the change feed arrives through a queued connection from the writer thread
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
}

catalog::Product StoreFixture::addProduct(const QString& title, const QStringList& skus, qint64 priceMinor,
                                          qint64 stock, const QString& category)
{
    catalog::Product p;
    p.merchantId = m_merchantId;
    p.title = title;
    p.category = category;
    p.status = catalog::ProductStatus::Active;
    if (skus.size() > 1)
        p.optionNames = {u"Variant"_s};
    for (const QString& sku : skus) {
        catalog::Variant v;
        v.sku = sku;
        v.price = money(priceMinor);
        if (skus.size() > 1)
            v.optionValues = {sku};
        p.variants.append(v);
    }
    auto saved = wait(m_client->saveProduct(p));
    if (!saved) {
        QTest::qFail(qPrintable(u"addProduct: "_s + saved.error().toString()), __FILE__, __LINE__);
        return p;
    }
    if (stock > 0) {
        for (const auto& v : saved->variants) {
            catalog::StockAdjustment a{v.id, m_locationId, catalog::MovementKind::Received, stock, u"fixture"_s, -1};
            auto level = wait(m_client->adjustStock(a, souk::test::newKey()));
            if (!level)
                QTest::qFail(qPrintable(u"addProduct stock: "_s + level.error().toString()), __FILE__, __LINE__);
        }
    }
    return *saved;
}

} // namespace souk::test
