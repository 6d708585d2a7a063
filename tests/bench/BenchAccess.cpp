// What the permission check, the tenant check and the audit row cost per command, measured in
// one run on stores that differ only in who acts:
//   off       LocalClient::Options::accessChecks = false: nothing checked, nothing audited
//   owner     the store's local owner (no merchant): role checked, nothing read, an audit row
//   merchant  an owner of one merchant, signed in with a password: role and tenant checked
//             (objects named by id are read to find their merchant), an audit row
// Two commands: checkout (create with 3 lines, authorize at a provider that answers at once,
// capture; many in flight, synchronous=FULL, as bench_orders runs it) and a stock adjustment
// (one level, one movement: the audit row is a large part of its work, and its variant and
// location are what the tenant check reads). Rounds run the stores in turn, each round starting
// with another, so drift on a shared machine falls on all alike; figures are medians.
// Usage: bench_access [CHECKOUTS] [IN_FLIGHT] [ROUNDS] [STORES] (default 4000, 256, 5,
// off,owner,merchant); each adjustment run has AdjustmentsPerCheckout times as many commands, to
// last about as long. Ratios are to the first store; "off,off,off" shows how far stores that
// differ in nothing drift apart. Build in Release.
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <tuple>

#include "backend/auth/PasswordHash.h"
#include "backend/auth/User.h"
#include "backend/client/LocalClient.h"
#include "backend/core/Async.h"
#include "backend/engine/Engine.h"
#include "backend/sim/DemoCatalog.h"
#include "backend/store/Sql.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk;

namespace {

constexpr int LinesPerOrder = 3;
constexpr int Customers = 100;
constexpr int WarmUpCommands = 300;
constexpr int AdjustmentsPerCheckout = 4;
constexpr qint64 StockPerSku = 100'000'000; ///< no order of the run may fail for want of stock
/// Pause between runs, so the last store's trailing outbox writes and checkpoint are done
/// before the next store is timed.
constexpr int SettleMs = 300;

enum class Variant
{
    Off,
    Owner,
    Merchant
};
QString variantName(Variant v)
{
    switch (v) {
    case Variant::Off:
        return u"off"_s;
    case Variant::Owner:
        return u"owner"_s;
    case Variant::Merchant:
        return u"merchant"_s;
    }
    return {};
}

std::optional<Variant> parseVariant(const QString& name)
{
    for (Variant v : {Variant::Off, Variant::Owner, Variant::Merchant}) {
        if (variantName(v) == name)
            return v;
    }
    return std::nullopt;
}

/// The future's result, with this thread's event loop running meanwhile: sign-in finishes on
/// the client's thread, which is this one.
template <typename T> T await(QFuture<T> future)
{
    QEventLoop loop;
    QFutureWatcher<T> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

template <typename T> T must(Result<T> result, const char* what)
{
    if (!result)
        qFatal("%s: %s", what, qPrintable(result.error().toString()));
    return std::move(*result);
}

/// A store ready to take orders: demo catalog with deep stock, terms, customers.
struct Shop
{
    std::unique_ptr<LocalClient> client;
    Id merchant;
    Id location;
    QStringList skus;
    QList<Id> variantIds;
    QList<Id> customers;
    int cardYear = 0;
};

QList<Id> variantIdsOf(LocalClient& client, Id merchant)
{
    return must(await(client.engine().read<QList<Id>>([merchant](QSqlDatabase& db) -> Result<QList<Id>> {
                    QSqlQuery q(db);
                    q.prepare(u"SELECT id FROM variants WHERE merchant_id = ? ORDER BY id"_s);
                    q.bindValue(0, merchant.value);
                    if (auto s = store::exec(q, u"reading variants"_s); !s)
                        return s.error();
                    QList<Id> ids;
                    while (q.next())
                        ids.append(Id{q.value(0).toLongLong()});
                    return ids;
                })),
                "variants");
}

/// An owner of the shop's merchant, signed in with a password: from now on every command of
/// the client runs as this session's principal.
void signInAsMerchantOwner(Shop& shop)
{
    // a password of our own: a one-time one would have to be changed before any other command.
    // Named as the local owner is, so that every row carrying the actor ("owner/owner") is the
    // same size in this store as in the owner's: what differs is the check and the ids it records
    const QString password = auth::PasswordHash::generate();
    const auth::AddedUser added =
        must(await(shop.client->addUser(auth::NewUser{u"owner"_s, auth::Role::Owner, shop.merchant, password})),
             "adding the merchant's owner");
    const auth::Principal p = must(await(shop.client->signIn(added.user.name, password, {})), "signing in");
    if (p.via != auth::Via::Session || p.merchantId != shop.merchant || p.role != auth::Role::Owner)
        qFatal("the signed-in principal is not the merchant's owner");
}

Shop openShop(const QString& path, Variant variant)
{
    LocalClient::Options options;
    options.store.path = path;
    options.store.durability = store::Durability::Full;
    options.provider = std::make_shared<payments::SimulatedProvider>(0); // the engine alone
    options.maintenanceIntervalMs = 0;
    options.accessChecks = variant != Variant::Off;
    Shop shop;
    shop.client = must(LocalClient::open(options), "opening the store");
    shop.cardYear = QDate::currentDate().year() + 3;
    const catalog::Merchant merchant = must(await(shop.client->merchants()), "merchants").first();
    shop.merchant = merchant.id;
    catalog::ImportPlan plan = sim::demoCatalog(merchant.currency, 300, 11);
    for (auto& item : plan.products) {
        item.product.status = catalog::ProductStatus::Active;
        for (auto& q : item.inventoryQuantities)
            q = StockPerSku;
        for (const auto& v : item.product.variants)
            shop.skus.append(v.sku);
    }
    must(await(shop.client->runImport(shop.merchant, plan, {})), "import");
    const orders::MerchantTerms terms{shop.merchant, 825, 290, 30, 0, 30, 0};
    must(await(shop.client->setMerchantTerms(terms, souk::test::newKey())), "terms");
    for (int i = 0; i < Customers; ++i) {
        const orders::Customer c{{}, u"Customer %1"_s.arg(i), u"c%1@example.com"_s.arg(i), {}, {}, 0};
        shop.customers.append(must(await(shop.client->createCustomer(c, souk::test::newKey())), "customer").id);
    }
    shop.location = must(await(shop.client->locations(shop.merchant)), "locations").first().id;
    shop.variantIds = variantIdsOf(*shop.client, shop.merchant);
    if (variant == Variant::Merchant)
        signInAsMerchantOwner(shop);
    return shop;
}

enum class Command
{
    Checkout,
    Adjust
};

using Done = std::function<void()>;

void launch(Shop& shop, Command command, int index, const QString& run, QObject* context, const Done& done)
{
    const QString key = u"%1-%2"_s.arg(run).arg(index);
    if (command == Command::Adjust) {
        const catalog::StockAdjustment adjustment{shop.variantIds[index % shop.variantIds.size()],
                                                  shop.location,
                                                  catalog::MovementKind::Adjusted,
                                                  1,
                                                  u"counted"_s,
                                                  -1};
        onReady(shop.client->adjustStock(adjustment, key), context, [&done](const Result<catalog::StockLevel>& r) {
            must(r, "adjusting stock");
            done();
        });
        return;
    }
    orders::NewOrder order{shop.merchant, shop.customers[index % Customers], {}, {}, {}};
    for (int k = 0; k < LinesPerOrder; ++k)
        order.lines.append({shop.skus[(index * LinesPerOrder + k) % shop.skus.size()], 1 + k % 2});
    const payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, shop.cardYear,
                                   u"123"_s};
    onReady(shop.client->checkout(order, card, true, key), context, [&done](const Result<payments::Checkout>& paid) {
        if (must(paid, "checkout").payment.status != payments::PaymentStatus::Captured)
            qFatal("checkout: not captured");
        done();
    });
}

/// Keeps `inFlight` commands going until `count` have been acknowledged; commands per second.
double drive(Shop& shop, Command command, int count, int inFlight, const QString& run)
{
    QEventLoop loop;
    QObject context;
    QElapsedTimer clock;
    clock.start();
    int started = 0;
    int flying = 0;
    Done done;
    const auto startMore = [&] {
        while (started < count && flying < inFlight) {
            ++flying;
            launch(shop, command, started++, run, &context, done);
        }
    };
    done = [&] {
        --flying;
        startMore();
        if (flying == 0)
            loop.quit();
    };
    startMore();
    if (flying > 0)
        loop.exec();
    return count * 1e9 / double(std::max<qint64>(1, clock.nsecsElapsed()));
}

qint64 scalarOf(LocalClient& client, const QString& sql)
{
    return must(await(client.engine().read<qint64>([sql](QSqlDatabase& db) -> Result<qint64> {
                    auto v = store::scalar(db, sql, {});
                    if (!v)
                        return v.error();
                    return v->toLongLong();
                })),
                "reading a figure");
}

qint64 auditRows(LocalClient& client)
{
    return scalarOf(client, u"SELECT count(*) FROM audit_log"_s);
}

qint64 fileBytes(LocalClient& client)
{
    return scalarOf(client, u"SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"_s);
}

/// One command's samples over the rounds, per store (in the order given; the first is the base).
struct Series
{
    QList<QList<double>> perSecond;
    QList<qint64> auditRows;
    qint64 commands = 0;
};

/// Medians, their ratios to the first store's, and the spread of the per-round ratios.
void summarize(QTextStream& out, const QString& what, const Series& s, const QStringList& names)
{
    const double base = bench::percentile(s.perSecond[0], 50);
    out << what << ", medians over " << s.perSecond[0].size() << " rounds:" << Qt::endl;
    for (qsizetype i = 0; i < names.size(); ++i) {
        bench::report(u"  %1 %2/s"_s.arg(what, names[i]), bench::percentile(s.perSecond[i], 50), u"/s"_s);
        bench::report(u"  %1 %2 audit rows per command"_s.arg(what, names[i]),
                      double(s.auditRows[i]) / double(std::max<qint64>(1, s.commands)), QString());
        if (i == 0)
            continue;
        QList<double> ratios;
        for (qsizetype r = 0; r < s.perSecond[0].size(); ++r)
            ratios.append(100.0 * s.perSecond[i][r] / s.perSecond[0][r]);
        bench::report(u"  %1 %2 / %3, ratio of medians (goal >= 90 %)"_s.arg(what, names[i], names[0]),
                      100.0 * bench::percentile(s.perSecond[i], 50) / base, u"%"_s);
        out << "  " << what << ' ' << names[i] << " / " << names[0] << ", per round: median "
            << QString::number(bench::percentile(ratios, 50), 'f', 1) << " %, range "
            << QString::number(bench::percentile(ratios, 0), 'f', 1) << "-"
            << QString::number(bench::percentile(ratios, 100), 'f', 1) << " %" << Qt::endl;
    }
}

/// What the audit rows take in the store: table and indexes, from SQLite's page statistics.
void auditSize(QTextStream& out, LocalClient& client, const QString& name)
{
    const qint64 rows = auditRows(client);
    const auto sizes = must(
        await(client.engine().read<QStringList>([rows](QSqlDatabase& db) -> Result<QStringList> {
            QSqlQuery q(db);
            q.prepare(u"SELECT name, sum(pgsize), sum(payload) FROM dbstat "
                      "WHERE name IN ('audit_log', 'audit_log_user', 'audit_log_at') GROUP BY name ORDER BY name"_s);
            if (auto s = store::exec(q, u"reading page statistics"_s); !s)
                return s.error();
            QStringList lines;
            while (q.next())
                lines << u"%1: %2 bytes of pages per row (%3 of payload)"_s.arg(
                    q.value(0).toString(), QString::number(q.value(1).toDouble() / double(rows), 'f', 1),
                    QString::number(q.value(2).toDouble() / double(rows), 'f', 1));
            QSqlQuery c(db);
            c.prepare(u"SELECT avg(length(CAST(objects AS BLOB))), avg(length(hash)), "
                      "avg(length(CAST(user_name || role || via || origin || operation || reason || outcome || detail "
                      "AS BLOB))) FROM audit_log"_s);
            if (auto s = store::exec(c, u"reading column sizes"_s); !s)
                return s.error();
            if (c.next())
                lines << u"columns per row: objects %1 bytes, hash %2, other text %3"_s.arg(
                    QString::number(c.value(0).toDouble(), 'f', 1), QString::number(c.value(1).toDouble(), 'f', 1),
                    QString::number(c.value(2).toDouble(), 'f', 1));
            return lines;
        })),
        "audit sizes");
    out << "audit log of the " << name << " store, " << rows << " rows:" << Qt::endl;
    for (const QString& line : sizes)
        out << "  " << line << Qt::endl;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 4'000;
    const int inFlight = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 256;
    const int rounds = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 5;
    const QStringList given =
        (argc > 4 ? QString::fromLocal8Bit(argv[4]) : u"off,owner,merchant"_s).split(u',', Qt::SkipEmptyParts);
    QList<Variant> variants;
    QStringList names; // "off", or "off#2" for a second store of the same kind
    for (const QString& name : given) {
        const auto v = parseVariant(name);
        if (!v)
            qFatal("unknown store kind %s (off, owner, merchant)", qPrintable(name));
        const qsizetype same = variants.count(*v);
        variants.append(*v);
        names.append(same == 0 ? name : u"%1#%2"_s.arg(name).arg(same + 1));
    }
    if (count < 1 || inFlight < 1 || rounds < 1 || variants.size() < 2)
        qFatal("usage: bench_access [CHECKOUTS] [IN_FLIGHT] [ROUNDS] [STORES, e.g. off,owner,merchant]");
    const qsizetype stores = variants.size();
    QTemporaryDir dir;
    std::vector<Shop> shops;
    for (qsizetype i = 0; i < stores; ++i) {
        shops.push_back(openShop(dir.filePath(u"store-%1.souk"_s.arg(i)), variants[i]));
        drive(shops.back(), Command::Checkout, WarmUpCommands, inFlight, u"warm-k"_s);
        drive(shops.back(), Command::Adjust, WarmUpCommands, inFlight, u"warm-a"_s);
    }
    QList<qint64> bytesBefore;
    for (Shop& shop : shops)
        bytesBefore.append(fileBytes(*shop.client));

    QTextStream out(stdout);
    out << "bench_access: " << count << " checkouts or " << count * AdjustmentsPerCheckout
        << " stock adjustments per run, " << inFlight << " in flight, " << rounds
        << " rounds, synchronous=FULL, stores " << names.join(u", "_s) << Qt::endl;
    Series checkouts{QList<QList<double>>(stores), QList<qint64>(stores, 0)};
    Series adjustments{QList<QList<double>>(stores), QList<qint64>(stores, 0)};
    for (int round = 1; round <= rounds; ++round) {
        for (const auto& [command, series, what, n] :
             {std::tuple{Command::Checkout, &checkouts, u"checkout"_s, count},
              std::tuple{Command::Adjust, &adjustments, u"adjust"_s, count * AdjustmentsPerCheckout}}) {
            for (qsizetype k = 0; k < stores; ++k) {
                const qsizetype i = (round - 1 + k) % stores; // each round starts with another store
                Shop& shop = shops[size_t(i)];
                QThread::msleep(SettleMs);
                const qint64 rowsBefore = auditRows(*shop.client);
                const double perSecond = drive(shop, command, n, inFlight, u"r%1-%2"_s.arg(round).arg(what));
                series->perSecond[i].append(perSecond);
                series->auditRows[i] += auditRows(*shop.client) - rowsBefore;
                out << "  round " << round << ' ' << what << ' ' << names[i].leftJustified(8) << ' '
                    << QString::number(perSecond, 'f', 0) << "/s" << Qt::endl;
            }
            series->commands += n;
        }
    }
    summarize(out, u"checkout"_s, checkouts, names);
    summarize(out, u"adjust"_s, adjustments, names);
    // the stores took the same commands: what an audited one grew more than an unaudited one
    // is its audit rows (as page_count * page_size, so free space on pages included)
    const qint64 baseGrowth = fileBytes(*shops[0].client) - bytesBefore[0];
    for (qsizetype i = 1; i < stores; ++i) {
        const qint64 rows = checkouts.auditRows[i] + adjustments.auditRows[i];
        if (variants[0] != Variant::Off || rows == 0)
            continue;
        const qint64 growth = fileBytes(*shops[size_t(i)].client) - bytesBefore[i];
        bench::report(u"store growth over %1's, per audit row, %2"_s.arg(names[0], names[i]),
                      double(growth - baseGrowth) / double(rows), u"bytes"_s);
    }
    for (qsizetype i = 0; i < stores; ++i) {
        if (variants[i] != Variant::Off && variants.indexOf(variants[i]) == i)
            auditSize(out, *shops[size_t(i)].client, names[i]);
    }
    return 0;
}
