#include "app/souk/Startup.h"

#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include "app/souk/Console.h"
#include "app/souk/DemoTraffic.h"
#include "app/souk/Screenshots.h"
#include "backend/client/LocalClient.h"
#include "backend/client/RemoteClient.h"
#include "backend/core/Async.h"
#include "backend/sim/DemoCatalog.h"
#include "backend/sim/DemoRisk.h"
#include "backend/sim/OrderTraffic.h"
#include "backend/store/StoreOptions.h"
#include "models/common/ErrorText.h"
#include "models/common/Prefs.h"
#include "translations/Translator.h"
#include "views/connect/KeychainSecretStore.h"
#include "views/connect/MemorySecretStore.h"
#include "views/main/MainWindow.h"
#include "views/orders/DemoTrafficBar.h"
#include "views/orders/OrdersPage.h"

using namespace Qt::StringLiterals;

namespace souk::app {
namespace {

constexpr int DemoProducts = 300;
constexpr int DemoOrders = 400;

/// The program's name and version for --version and the usage line; static, no application object needed.
void setIdentity()
{
    QCoreApplication::setApplicationName(u"souk"_s);
    QCoreApplication::setOrganizationName(u"Souk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SOUK_VERSION_STRING));
}

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QCoreApplication::translate("Startup", "Souk operations console"));
    // "-reverse" and "-platformtheme" are Qt's options, not -r -e -v… or -p … -h…: read before
    // QApplication has taken them out, compacted short options would see --version or --help
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"store"_s, QCoreApplication::translate("Startup", "Open or create the store FILE."), u"FILE"_s});
    parser.addOption({u"demo"_s, QCoreApplication::translate("Startup", "Fill an empty store with demo data.")});
    parser.addOption(
        {u"demo-rate"_s,
         QCoreApplication::translate("Startup", "With --demo: start demo traffic at RATE orders per second."),
         u"RATE"_s});
    parser.addOption(
        {u"lang"_s, QCoreApplication::translate("Startup", "Interface language: zh_CN or en."), u"LANG"_s});
    parser.addOption({u"screenshot"_s,
                      QCoreApplication::translate("Startup", "Render every page to PNG files in DIR and exit."),
                      u"DIR"_s});
    parser.addOption(
        {u"connect"_s,
         QCoreApplication::translate("Startup", "Connect to the node at URL (https://HOST:PORT) instead of "
                                                "opening a store; an API key in SOUK_API_KEY signs in. A "
                                                "cluster's nodes: their URLs separated by commas."),
         u"URL[,URL...]"_s});
    parser.addOption({u"spread"_s,
                      QCoreApplication::translate("Startup", "With --connect and several nodes: how requests are "
                                                             "spread, round-robin, least-outstanding or by-merchant."),
                      u"POLICY"_s});
    parser.addOption({u"trust"_s,
                      QCoreApplication::translate("Startup", "With --connect: the node's certificate, by its SHA-256 "
                                                             "fingerprint or a CA file (PEM)."),
                      u"SHA256|FILE"_s});
}

/// The options of a parsed command line; false (with the reason on stderr) when a value is wrong.
bool readOptions(const QCommandLineParser& parser, Options& o)
{
    o.storePath = parser.value(u"store"_s);
    o.demo = parser.isSet(u"demo"_s);
    o.language = parser.value(u"lang"_s);
    o.screenshotDir = parser.value(u"screenshot"_s);
    bool ok = o.language.isEmpty() || o.language == u"zh_CN" || o.language == u"en";
    if (!ok)
        qCritical().noquote() << "souk: --lang must be zh_CN or en, not" << o.language;
    if (parser.isSet(u"connect"_s)) {
        for (const QString& one : parser.value(u"connect"_s).split(u',', Qt::SkipEmptyParts)) {
            const QUrl url(one.trimmed(), QUrl::StrictMode);
            if (url.scheme() != u"https"_s || url.host().isEmpty()) {
                qCritical().noquote() << "souk: --connect takes https://HOST:PORT, not" << one;
                ok = false;
            }
            if (url == o.connectUrl || o.otherNodes.contains(url)) {
                qCritical().noquote() << "souk: --connect names" << one << "twice";
                ok = false;
            }
            (o.connectUrl.isEmpty() ? o.connectUrl : o.otherNodes.emplaceBack()) = url;
        }
        if (o.connectUrl.isEmpty()) {
            qCritical() << "souk: --connect takes https://HOST:PORT";
            ok = false;
        }
        if (parser.isSet(u"store"_s) || o.demo) {
            qCritical() << "souk: --connect opens a node: it goes with neither --store nor --demo";
            ok = false;
        }
    }
    o.spread = parser.value(u"spread"_s);
    if (!o.spread.isEmpty() && o.connectUrl.isEmpty()) {
        qCritical() << "souk: --spread goes with --connect";
        ok = false;
    }
    if (!o.spread.isEmpty() && NodeBalancer::policyName(NodeBalancer::policyNamed(o.spread)) != o.spread) {
        qCritical().noquote() << "souk: --spread takes round-robin, least-outstanding or by-merchant, not" << o.spread;
        ok = false;
    }
    o.trust = parser.value(u"trust"_s);
    if (!o.trust.isEmpty() && o.connectUrl.isEmpty()) {
        qCritical() << "souk: --trust goes with --connect";
        ok = false;
    }
    if (parser.isSet(u"demo-rate"_s)) {
        bool number = false;
        o.demoRate = parser.value(u"demo-rate"_s).toInt(&number);
        if (!number || o.demoRate < 1 || o.demoRate > 2000) {
            qCritical().noquote() << "souk: --demo-rate must be 1..2000 orders per second, not"
                                  << parser.value(u"demo-rate"_s);
            ok = false;
        }
    }
    return ok;
}

void installTranslators(QApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    if (!installTranslator(locale)) // English included: it carries the English plural forms
        qWarning() << "souk: no translation found for" << locale.name();
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

QString defaultStorePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + u"/store.souk"_s;
}

/// Demo orders for a new demo store: merchant terms, its risk policy (history, a model, starter
/// rules), then a few hundred orders from the simulator, on a thread of its own; `done` runs on
/// the GUI thread.
void seedOrders(Client& client, Id merchantId, const QString& currency, QObject* context, std::function<void()> done)
{
    auto* thread = QThread::create([&client, merchantId, currency] {
        if (auto* local = dynamic_cast<LocalClient*>(&client)) { // a demo store is always local
            if (auto risk = sim::seedDemoRisk(*local, merchantId, currency); !risk)
                qWarning().noquote() << "demo risk policy:" << risk.error().toString();
        }
        // a new demo store gets its terms once: the key names the merchant
        auto terms = client.setMerchantTerms(orders::MerchantTerms{merchantId, 800, 290, 30, 299, 30, 0},
                                             u"demo-terms-"_s + merchantId.toString());
        terms.waitForFinished(); // the simulator's thread, not the GUI's
        sim::TrafficOptions options;
        options.merchantId = merchantId;
        options.orders = DemoOrders;
        options.seed = 7;
        options.concurrency = 32;
        auto summary = sim::OrderTraffic(client, options).run();
        if (!summary)
            qWarning().noquote() << "demo orders:" << summary.error().toString();
    });
    QObject::connect(thread, &QThread::finished, context, [thread, done] {
        thread->deleteLater();
        done();
    });
    thread->start();
}

} // namespace

void seedDemo(Client& client, const catalog::Merchant& merchant, QObject* context, std::function<void()> done)
{
    onReady(client.productPage({merchant.id, {}, 1}), context,
            [&client, merchant, context, done](const Result<catalog::ProductPage>& page) {
                if (!page || !page->rows.isEmpty()) {
                    done();
                    return;
                }
                const auto plan = sim::demoCatalog(merchant.currency, DemoProducts);
                onReady(client.runImport(merchant.id, plan, {}), context,
                        [&client, merchant, context, done](const Result<catalog::ImportSummary>& r) {
                            if (!r) {
                                qWarning().noquote() << "demo data:" << r.error().toString();
                                done();
                                return;
                            }
                            seedOrders(client, merchant.id, merchant.currency.code, context, done);
                        });
            });
}

std::optional<int> parseArguments(int argc, char* argv[], Options& options)
{
    setIdentity();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    addOptions(parser);
    const bool known = parser.parse(arguments); // the options it knows are read even when it fails
    // --help-all lists Qt's options too: only QApplication's own parsing can (it needs a display)
    if (parser.isSet(u"help"_s) && !parser.isSet(u"help-all"_s)) {
        QCoreApplication core(argc, argv); // the usage line names the program as it was called; no display
        std::fputs(qUtf8Printable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(u"version"_s)) {
        std::fprintf(stdout, "souk %s\n", SOUK_VERSION_STRING);
        return 0;
    }
    if (!known)
        return std::nullopt; // perhaps Qt's own options: run() reads again without them
    if (!readOptions(parser, options))
        return 2;
    options.read = true;
    return std::nullopt;
}

namespace {

/// Opens this computer's store as the options say, each time it is called.
Console::LocalOpener localOpener(const Options& options)
{
    LocalClient::Options clientOptions;
    clientOptions.store.path = options.storePath.isEmpty() ? defaultStorePath() : options.storePath;
    // names of the first merchant and location of a new store, in the user's language
    //: name of the merchant a new store starts with; the user can rename it
    clientOptions.defaultMerchantName = QCoreApplication::translate("Startup", "My Store");
    //: name of the stock location a new store starts with
    clientOptions.defaultLocationName = QCoreApplication::translate("Startup", "Main warehouse");
    return [clientOptions]() -> Result<std::unique_ptr<Client>> {
        auto client = LocalClient::open(clientOptions);
        if (!client)
            return client.error();
        return std::unique_ptr<Client>(std::move(*client));
    };
}

/// The keychain for connections' secrets; a screenshot run keeps them in memory.
std::unique_ptr<SecretStore> secretStore(const Options& options)
{
    if (!options.screenshotDir.isEmpty())
        return std::make_unique<MemorySecretStore>();
    return std::make_unique<KeychainSecretStore>();
}

QString prefsPath(const Options& options)
{
    return options.screenshotDir.isEmpty() ? QString() : QDir(options.screenshotDir).filePath(u"souk.ini"_s);
}

/// The console on a node: connects (the certificate pinned by --trust, the key from
/// SOUK_API_KEY), then runs as on a store. Nothing asks: an unknown certificate ends the
/// program with its fingerprint, for the operator to check and pass to --trust.
int runConnected(QApplication& app, const Options& options)
{
    RemoteClient::Options remote;
    remote.url = options.connectUrl;
    if (QFileInfo(options.trust).isFile())
        remote.caFile = options.trust;
    else
        remote.fingerprint = options.trust.toUpper();
    for (const QUrl& node : options.otherNodes) // one certificate or CA for them all, as cluster.sh makes them
        remote.otherNodes.append({node, remote.fingerprint});
    remote.policy = NodeBalancer::policyNamed(options.spread);
    remote.apiKey = qEnvironmentVariable("SOUK_API_KEY");
    Prefs prefs(prefsPath(options));
    const std::unique_ptr<SecretStore> secrets = secretStore(options);
    Console console(prefs, *secrets, options, localOpener(options));
    int failed = 0;
    onReady(RemoteClient::connectTo(remote), &app, [&](const Result<std::shared_ptr<RemoteClient>>& connected) {
        if (!connected) {
            const QString fingerprint = RemoteClient::certificateFingerprint(connected.error());
            const QString text =
                fingerprint.isEmpty()
                    ? errorText(connected.error())
                    : QCoreApplication::translate("Startup", "The node's certificate is not trusted. If "
                                                             "its SHA-256 fingerprint is %1, start with "
                                                             "--trust %1.")
                          .arg(fingerprint);
            qCritical().noquote() << "souk:" << connected.error().toString();
            if (options.screenshotDir.isEmpty())
                QMessageBox::critical(nullptr, QCoreApplication::translate("Startup", "Cannot connect to the node"),
                                      text + u"\n\n"_s + options.connectUrl.toString());
            failed = 3;
            QCoreApplication::exit(3);
            return;
        }
        if (!options.screenshotDir.isEmpty() && !(*connected)->principal().isAuthenticated()) {
            qCritical() << "souk: --screenshot with --connect needs an API key in SOUK_API_KEY";
            failed = 2;
            QCoreApplication::exit(2);
            return;
        }
        console.startRemote(*connected);
    });
    const int code = app.exec();
    return failed ? failed : code;
}

} // namespace

int run(QApplication& app, const Options& given)
{
    setIdentity(); // again: QApplication's constructor may have reset what parseArguments() set
    QApplication::setApplicationDisplayName(u"Souk"_s);
    Options options = given;
    if (!options.read) {
        // QApplication took its own options (-platform, -style): what is left is ours, or a
        // mistake that process() reports (and --help-all, which it answers)
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(app);
        if (!readOptions(parser, options))
            return 2;
    }
    installTranslators(app, options.language);
    if (!options.connectUrl.isEmpty())
        return runConnected(app, options);

    // the store first, before any window: a store that cannot be opened ends the program
    const Console::LocalOpener open = localOpener(options);
    auto client = open();
    if (!client) {
        const QString text = errorText(client.error());
        qCritical().noquote() << "souk:" << client.error().toString();
        if (options.screenshotDir.isEmpty())
            QMessageBox::critical(
                nullptr, QCoreApplication::translate("Startup", "Cannot open the store"),
                text + u"\n\n"_s +
                    store::StoreOptions::shown(options.storePath.isEmpty() ? defaultStorePath() : options.storePath));
        return 3;
    }
    if (!options.screenshotDir.isEmpty() && !(*client)->principal().isAuthenticated()) {
        qCritical() << "souk: --screenshot needs a store without users (this one asks for sign-in)";
        return 2;
    }
    Prefs prefs(prefsPath(options));
    const std::unique_ptr<SecretStore> secrets = secretStore(options);
    auto opened = std::make_shared<std::unique_ptr<Client>>(std::move(*client));
    Console console(prefs, *secrets, options, [opened, open]() -> Result<std::unique_ptr<Client>> {
        if (*opened)
            return std::move(*opened); // the one opened above, once
        return open();
    });
    console.startLocal();
    return app.exec();
}

} // namespace souk::app
