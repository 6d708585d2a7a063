// soukctl --url: the same commands on a node (soukd) through RemoteClient, for scripts: the key
// from SOUK_API_KEY, the certificate pinned by --trust, nothing asks.
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include "app/soukctl/Cli.h"

using namespace Qt::StringLiterals;

namespace souk::cli {
namespace {

constexpr qint64 TimeoutDefaultS = 30;
constexpr qint64 TimeoutMaxS = 3600;
/// What a wait allows beyond --timeout: RemoteClient's quick retries of a refused connection
/// (250 + 500 + 1000 ms), so that a node that is down says so rather than "no answer in time".
constexpr int RetrySlackMs = 2500;

/// How commands wait: set once a command connects to a node.
struct Waiting
{
    bool eventLoop = false; ///< true on a node: RemoteClient answers from the event loop
    int deadlineMs = 0;
    QString url;
    qint64 timeoutS = 0;
};
Waiting waiting;

/// "AB:CD:..." as soukd prints it, from that form or from 64 hex digits, any case; empty when
/// `text` is neither.
QString normalizedFingerprint(const QString& text)
{
    static const QRegularExpression colons(u"^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}$"_s);
    static const QRegularExpression bare(u"^[0-9A-Fa-f]{64}$"_s);
    if (colons.match(text).hasMatch())
        return text.toUpper();
    if (!bare.match(text).hasMatch())
        return {};
    QStringList pairs;
    for (qsizetype i = 0; i < text.size(); i += 2)
        pairs << text.mid(i, 2).toUpper();
    return pairs.join(u':');
}

/// The certificate part of the connection, from --trust: a CA file (PEM) or a fingerprint.
Status setTrust(const Arguments& args, RemoteClient::Options& options)
{
    if (!args.has(u"--trust"_s))
        return {}; // the system's CAs decide; an unknown certificate's error says what to pass
    const QString trust = args.value(u"--trust"_s);
    if (QFileInfo(trust).isFile()) {
        if (QSslCertificate::fromPath(trust, QSsl::Pem).isEmpty())
            return Error::invalid(u"--trust"_s, u"--trust "_s + trust + u": the file holds no certificate (PEM)"_s);
        options.caFile = trust;
        return {};
    }
    options.fingerprint = normalizedFingerprint(trust);
    if (options.fingerprint.isEmpty())
        return Error::invalid(u"--trust"_s, u"--trust takes the node's SHA-256 fingerprint (AB:CD:…, 32 bytes, as "
                                            "soukd prints it) or a CA file (PEM), not \""_s +
                                                trust + u'"');
    return {};
}

Result<RemoteClient::Options> nodeOptions(const Arguments& args)
{
    RemoteClient::Options options;
    options.url = QUrl(args.value(u"--url"_s), QUrl::StrictMode);
    if (!options.url.isValid() || options.url.scheme() != u"https"_s || options.url.host().isEmpty() ||
        !options.url.userInfo().isEmpty())
        return Error::invalid(u"--url"_s,
                              u"--url takes the node as https://HOST:PORT, not \""_s + args.value(u"--url"_s) + u'"');
    if (auto s = setTrust(args, options); !s)
        return s.error();
    auto timeout = integerOption(args, u"--timeout"_s, TimeoutDefaultS, 1, TimeoutMaxS);
    if (!timeout)
        return timeout.error();
    options.timeoutMs = int(*timeout * 1000);
    options.apiKey = qEnvironmentVariable("SOUK_API_KEY").trimmed();
    if (options.apiKey.isEmpty())
        return Error::invalid(u"SOUK_API_KEY"_s, u"--url needs the API key in the environment variable SOUK_API_KEY "
                                                 "(soukctl apikeys create --user NAME makes one)"_s);
    options.followChanges = false; // a command reads what it asks for; it follows no feed
    return options;
}

/// What went wrong connecting, said as what to change on the command line.
Error explained(Error error, const RemoteClient::Options& options, const Arguments& args)
{
    const QString fingerprint = RemoteClient::certificateFingerprint(error);
    if (!fingerprint.isEmpty()) {
        const QString intro = args.has(u"--trust"_s)
                                  ? u"the node's certificate is not the one --trust names"_s
                                  : u"the node's certificate is not signed by a CA this machine trusts"_s;
        return Error{ErrorCode::Unauthenticated,
                     intro + u"; the node presented SHA-256 "_s + fingerprint +
                         u". If soukd printed that fingerprint when it started, run again with --trust "_s +
                         fingerprint + u" (or --trust CA.pem)"_s,
                     u"--trust"_s};
    }
    if (error.code == ErrorCode::Unauthenticated || error.code == ErrorCode::AccountLocked) {
        error.message = u"the node refused the API key in SOUK_API_KEY: "_s + error.message;
        error.field = u"SOUK_API_KEY"_s;
        return error;
    }
    if (error.code == ErrorCode::Unavailable && error.field.isEmpty()) { // the network's words: say where
        error.message = options.url.toString() + u": "_s + error.message;
        error.field = u"--url"_s;
    }
    if (error.field == u"url"_s)
        error.field = u"--url"_s;
    return error;
}

} // namespace

bool onNode(const Arguments& args)
{
    return args.has(u"--url"_s);
}

Status checkNodeOptions(const Arguments& args)
{
    if (!onNode(args)) {
        for (const QString& name : {u"--trust"_s, u"--timeout"_s}) {
            if (args.has(name))
                return Error::invalid(name, name + u" goes with --url"_s);
        }
        return {};
    }
    if (args.has(u"--store"_s)) // which one a command would work on is a guess
        return Error::invalid(u"--store"_s, u"--url works on a node and --store on a store file: give one"_s);
    auto options = nodeOptions(args);
    if (!options)
        return options.error();
    return {};
}

int storeOnlyOnNode(const QString& command, const QString& reason)
{
    err() << "soukctl: soukctl " << command << " works on a store file; " << reason << Qt::endl;
    return Usage;
}

Result<std::shared_ptr<RemoteClient>> connectNode(const Arguments& args)
{
    auto options = nodeOptions(args);
    if (!options)
        return options.error();
    waiting.eventLoop = true;
    waiting.deadlineMs = options->timeoutMs + RetrySlackMs;
    waiting.url = options->url.toString();
    waiting.timeoutS = options->timeoutMs / 1000;
    auto connected = wait(RemoteClient::connectTo(*options));
    if (!connected)
        return explained(connected.error(), *options, args);
    if (!(*connected)->principal().isAuthenticated())
        return Error{ErrorCode::Unauthenticated, u"the node took the key in SOUK_API_KEY as nobody"_s,
                     u"SOUK_API_KEY"_s};
    return connected;
}

bool waitForAnswer(const QFuture<void>& future)
{
    if (future.isFinished())
        return true;
    if (!waiting.eventLoop) {
        QFuture<void>(future).waitForFinished();
        return true;
    }
    QEventLoop loop;
    QFutureWatcher<void> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    watcher.setFuture(future); // finished already: the signal still comes, from the loop
    deadline.start(waiting.deadlineMs);
    loop.exec();
    return future.isFinished();
}

Error noAnswerInTime()
{
    return Error{
        ErrorCode::Unavailable,
        u"no answer from %1 within %2 s (--timeout sets how long to wait)"_s.arg(waiting.url).arg(waiting.timeoutS),
        u"--timeout"_s};
}

} // namespace souk::cli
