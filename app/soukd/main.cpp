// soukd: the engine as a headless node serving the HTTPS/JSON API.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <sys/resource.h>

#include <cstdio>

#include "app/soukd/NodeProcess.h"

using namespace Qt::StringLiterals;

namespace {

/// Installed nodes read this when --config is not given and it exists.
const QString SystemConfig = u"/etc/souk/soukd.conf"_s;

/// journald reads a "<N>" prefix on stderr as the line's priority (sd-daemon(3)).
void journalFriendlyLog()
{
    qSetMessagePattern(u"%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}"
                       "%{if-critical}<2>%{endif}%{if-fatal}<0>%{endif}%{category}: %{message}"_s);
}

/// Each connection is a file descriptor: let the node hold as many as the system allows.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int fail(const QString& message, int code = 2)
{
    std::fprintf(stderr, "soukd: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"soukd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SOUK_VERSION_STRING));
    journalFriendlyLog();
    raiseFileLimit();

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Souk node: the engine over HTTPS/JSON (API v1)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption store(u"store"_s, u"The store: an SQLite file, or a PostgreSQL URL (postgresql://...)."_s,
                                   u"FILE|URL"_s);
    const QCommandLineOption listen(u"listen"_s, u"Address and port (127.0.0.1:8443; [::1]:8443)."_s, u"HOST:PORT"_s);
    const QCommandLineOption cert(u"cert"_s, u"TLS certificate chain (PEM). Without: a self-signed one beside the store."_s,
                                  u"PEM"_s);
    const QCommandLineOption key(u"key"_s, u"TLS private key (PEM)."_s, u"PEM"_s);
    const QCommandLineOption config(u"config"_s, u"Settings (INI). Default: /etc/souk/soukd.conf if present."_s, u"FILE"_s);
    parser.addOptions({store, listen, cert, key, config});
    parser.process(app);

    QString configPath = parser.value(config);
    if (configPath.isEmpty() && QFileInfo::exists(SystemConfig))
        configPath = SystemConfig;
    souk::api::NodeConfig settings;
    if (!configPath.isEmpty()) {
        auto loaded = souk::api::NodeConfig::load(configPath, souk::api::NodeConfig{});
        if (!loaded)
            return fail(u"%1: %2"_s.arg(configPath, loaded.error().toString()));
        settings = *loaded;
    }
    // the command line wins over the file
    if (parser.isSet(store))
        settings.storePath = parser.value(store);
    if (parser.isSet(listen)) {
        auto hostPort = souk::api::NodeConfig::parseListen(parser.value(listen));
        if (!hostPort)
            return fail(hostPort.error().toString());
        settings.listenHost = hostPort->first;
        settings.listenPort = hostPort->second;
    }
    if (parser.isSet(cert))
        settings.certPath = parser.value(cert);
    if (parser.isSet(key))
        settings.keyPath = parser.value(key);

    souk::node::NodeProcess node(settings, configPath);
    if (auto started = node.start(); !started)
        return fail(started.error().toString(), 1);
    return app.exec();
}
