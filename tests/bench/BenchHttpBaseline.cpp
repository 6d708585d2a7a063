// The floor for the node's HTTPS figure: a bare QHttpServer over TLS with one route,
// GET /v1/orders/<arg>, answering the bytes of FILE as compact JSON on a keep-alive connection.
// No engine, no authentication, no limiter: what serving those bytes over TLS costs in Qt alone.
// tests/bench/http_api.sh runs it beside soukd and compares the two with wrk.
// Usage: bench_http_baseline --cert PEM --key PEM --port N --body FILE. Build in Release.
// It runs until SIGTERM (the default action ends it; it holds nothing to flush).
#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "bench_http_baseline: %s\n", qPrintable(message));
    return 2;
}

QByteArray readAll(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_http_baseline"_s);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption cert(u"cert"_s, u"TLS certificate (PEM)."_s, u"PEM"_s);
    const QCommandLineOption key(u"key"_s, u"TLS private key (PEM)."_s, u"PEM"_s);
    const QCommandLineOption port(u"port"_s, u"Loopback port."_s, u"N"_s);
    const QCommandLineOption body(u"body"_s, u"The bytes every order answer carries."_s, u"FILE"_s);
    parser.addOptions({cert, key, port, body});
    parser.process(app);
    for (const auto* option : {&cert, &key, &port, &body})
        if (!parser.isSet(*option))
            return fail(u"--%1 is required"_s.arg(option->names().constFirst()));

    QString error;
    const QByteArray certPem = readAll(parser.value(cert), &error);
    const QByteArray keyPem = error.isEmpty() ? readAll(parser.value(key), &error) : QByteArray();
    const QByteArray bytes = error.isEmpty() ? readAll(parser.value(body), &error) : QByteArray();
    if (!error.isEmpty())
        return fail(error);
    const auto chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty())
        return fail(u"no certificate in %1"_s.arg(parser.value(cert)));
    QSslKey privateKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (privateKey.isNull())
        privateKey = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (privateKey.isNull())
        return fail(u"no EC or RSA private key in %1"_s.arg(parser.value(key)));
    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    if (!portOk || portNumber == 0 || portNumber > 65535)
        return fail(u"--port must be 1..65535"_s);

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(privateKey);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);

    QHttpServer server;
    server.sslSetup(tls);
    server.route(u"/v1/orders/<arg>"_s, QHttpServerRequest::Method::Get, [&bytes](const QString&) {
        return QHttpServerResponse(QByteArray("application/json"), bytes); // the same bytes every time
    });
    if (server.listen(QHostAddress::LocalHost, quint16(portNumber)) == 0)
        return fail(u"cannot listen on 127.0.0.1:%1"_s.arg(portNumber));
    std::printf("bench_http_baseline listening on https://127.0.0.1:%u\n", portNumber);
    std::fflush(stdout);
    return app.exec();
}
