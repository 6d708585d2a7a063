#include "tests/api/NodeFixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

#include "backend/api/node/Certificate.h"
#include "backend/catalog/MerchantService.h"
#include "backend/engine/Engine.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/history/FraudSimulator.h"
#include "backend/store/StoreOptions.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestSupport.h"

using namespace Qt::StringLiterals;

namespace souk::test {
namespace {

constexpr int StartTimeoutMs = 20'000;
constexpr int StopTimeoutMs = 15'000;
constexpr int RequestTimeoutMs = 10'000;

/// Timeouts small enough for a test run, rates high enough not to get in the way: each test
/// that is about a limit sets its own.
const NodeFixture::Settings Defaults = {
    {u"limits/header_timeout_ms"_s, u"3000"_s},   {u"limits/idle_timeout_ms"_s, u"5000"_s},
    {u"limits/per_address_rate"_s, u"10000"_s},   {u"limits/per_address_burst"_s, u"10000"_s},
    {u"limits/per_principal_rate"_s, u"10000"_s}, {u"limits/per_principal_burst"_s, u"10000"_s},
};

QString program(const char* variable)
{
    // ctest passes the built programs' paths (tests/api/node_api.cmake)
    return qEnvironmentVariable(variable);
}

QString digestOf(const QSslCertificate& certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

template <typename T> bool ok(const Result<T>& result, const char* what)
{
    if (!result)
        qWarning().noquote() << "NodeFixture:" << what << result.error().toString();
    return bool(result);
}

} // namespace

QByteArray NodeFixture::Reply::header(const QByteArray& name) const
{
    for (const auto& [n, value] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QJsonObject NodeFixture::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString NodeFixture::Reply::problemMismatch(int wantStatus, const QString& code, const QString& field) const
{
    const QJsonObject p = json();
    QStringList wrong;
    if (status != wantStatus)
        wrong << u"status %1, want %2"_s.arg(status).arg(wantStatus);
    if (!header("content-type").startsWith("application/problem+json"))
        wrong << u"Content-Type %1"_s.arg(QString::fromLatin1(header("content-type")));
    if (p.value(u"code"_s).toString() != code)
        wrong << u"code %1, want %2"_s.arg(p.value(u"code"_s).toString(), code);
    if (p.value(u"field"_s).toString() != field)
        wrong << u"field \"%1\", want \"%2\""_s.arg(p.value(u"field"_s).toString(), field);
    if (status != 0 && p.value(u"status"_s).toInt() != status)
        wrong << u"problem status %1"_s.arg(p.value(u"status"_s).toInt());
    return wrong.isEmpty() ? QString() : wrong.join(u"; "_s) + u"\n"_s + describe();
}

QString NodeFixture::Reply::describe() const
{
    QString text = u"status %1"_s.arg(status);
    if (!error.isEmpty())
        text += u" (%1)"_s.arg(error);
    for (const auto& [name, value] : headers)
        text += u"\n%1: %2"_s.arg(QString::fromLatin1(name), QString::fromLatin1(value));
    return text + u"\n\n"_s + QString::fromUtf8(body.left(2000));
}

NodeFixture::NodeFixture()
    : m_store(std::make_unique<StoreFixture>()), m_network(std::make_unique<QNetworkAccessManager>())
{
    m_dir = m_store->dirPath();
}

NodeFixture::~NodeFixture()
{
    // a node that ended without being told to is what made the test's requests fail: say how
    if (m_node && !running() && !m_signalled)
        qWarning().noquote() << "NodeFixture: soukd ended on its own: exit" << m_node->exitCode() << "status"
                             << m_node->exitStatus() << "log:" << log().right(4000);
    if (running()) {
        m_node->kill();
        m_node->waitForFinished(StopTimeoutMs);
    }
    for (Peer& peer : m_peers) {
        if (peer.process->state() != QProcess::NotRunning) {
            peer.process->kill();
            peer.process->waitForFinished(StopTimeoutMs);
        }
    }
}

QString NodeFixture::storePath() const
{
    return m_store->storePath(); // StoreFixture's file, or its database on PostgreSQL
}

bool NodeFixture::seed()
{
    if (!m_store->ok())
        return false;
    if (!seedShops() || !seedPeople())
        return false;
    m_store->close(); // the node takes the store's lock
    // revoked the way an operator would, with the node stopped
    return soukctl({u"apikeys"_s, u"revoke"_s, m_revokedKeyId.toString()}) == 0;
}

bool NodeFixture::seedShops()
{
    LocalClient& client = m_store->client();
    m_seed.merchantA = m_store->merchantId();
    m_seed.skuA = u"MUG-1"_s;
    const catalog::Product mug = m_store->addProduct(u"Mug"_s, {m_seed.skuA}, 1500, 1000);
    if (mug.id.isNull() || mug.variants.isEmpty())
        return false;
    m_seed.productA = mug.id;
    m_seed.variantA = mug.variants.first().id;
    m_seed.locationA = m_store->locationId();
    const auto b = StoreFixture::wait(client.engine().write<catalog::Location>(
        client.actor(), [](store::UnitOfWork& uow) -> Result<catalog::Location> {
            auto merchant = catalog::MerchantService::createMerchant(uow, u"Shop B"_s, u"EUR"_s);
            if (!merchant)
                return merchant.error();
            return catalog::MerchantService::createLocation(uow, merchant->id, u"B warehouse"_s);
        }));
    if (!ok(b, "merchant B"))
        return false;
    m_seed.merchantB = b->merchantId;
    catalog::Product tea;
    tea.merchantId = m_seed.merchantB;
    tea.title = u"Tea"_s;
    tea.status = catalog::ProductStatus::Active;
    catalog::Variant v;
    v.sku = u"TEA-1"_s;
    v.price = m_store->money(900);
    tea.variants = {v};
    const auto saved = StoreFixture::wait(client.saveProduct(tea));
    if (!ok(saved, "product B"))
        return false;
    const catalog::StockAdjustment receive{saved->variants[0].id, b->id, catalog::MovementKind::Received, 100,
                                           u"fixture"_s,          -1};
    if (!ok(StoreFixture::wait(client.adjustStock(receive, newKey())), "stock B"))
        return false;
    orders::Customer buyer; // customers belong to no merchant
    buyer.name = u"Ana Lima"_s;
    buyer.email = u"ana@example.com"_s;
    const auto customer = StoreFixture::wait(client.createCustomer(buyer, newKey()));
    if (!ok(customer, "customer"))
        return false;
    m_seed.customer = customer->id;
    const auto order = [&](Id merchant, const QString& sku) {
        return StoreFixture::wait(
            client.createOrder(orders::NewOrder{merchant, customer->id, {{sku, 1}}, {}, {}}, newKey()));
    };
    const auto a = order(m_seed.merchantA, m_seed.skuA);
    const auto paid = order(m_seed.merchantA, m_seed.skuA);
    const auto ob = order(m_seed.merchantB, u"TEA-1"_s);
    if (!ok(a, "order A") || !ok(paid, "paid order A") || !ok(ob, "order B"))
        return false;
    m_seed.orderA = a->id;
    m_seed.paidOrderA = paid->id;
    m_seed.orderB = ob->id;
    const payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, 2030, u"123"_s};
    const auto authorized = StoreFixture::wait(client.authorizePayment(paid->id, card, newKey()));
    if (!ok(authorized, "authorize"))
        return false;
    const auto captured = StoreFixture::wait(client.capturePayment(authorized->id, std::nullopt, newKey()));
    if (!ok(captured, "capture"))
        return false;
    m_seed.paymentA = captured->id;
    return seedHistory();
}

bool NodeFixture::seedHistory()
{
    LocalClient& client = m_store->client();
    risk::FraudSimulatorOptions history;
    history.merchants = 1;
    history.payments = 3000;
    history.toMs = QDateTime::currentMSecsSinceEpoch() - 60LL * 86'400'000;
    history.fromMs = history.toMs - 90LL * 86'400'000;
    m_seed.historyCutoffMs = history.toMs - 30LL * 86'400'000;
    auto simulated = risk::FraudSimulator::generate(history);
    if (!ok(simulated, "simulated history"))
        return false;
    const auto imported = StoreFixture::wait(client.engine().write<risk::HistoryImportSummary>(
        client.actor(), [rows = risk::FraudSimulator::payments(*simulated), m = m_seed.merchantA](store::UnitOfWork& uow) {
            return risk::HistoryImport::run(uow, m, rows);
        }));
    return ok(imported, "history import");
}

bool NodeFixture::seedPeople()
{
    LocalClient& client = m_store->client();
    m_seed.ownerAName = u"olga"_s;
    m_seed.ownerAPassword = u"olga's long test password"_s;
    struct Person
    {
        QString name;
        auth::Role role;
        Id merchant;
        QString* key;
    };
    const QList<Person> people = {
        {u"ada"_s, auth::Role::Admin, {}, &m_seed.adminKey},
        {m_seed.ownerAName, auth::Role::Owner, m_seed.merchantA, &m_seed.ownerAKey},
        {u"bea"_s, auth::Role::Owner, m_seed.merchantB, &m_seed.ownerBKey},
        {u"sam"_s, auth::Role::Support, {}, &m_seed.supportKey},
        {u"stan"_s, auth::Role::Staff, m_seed.merchantA, &m_seed.staffAKey},
    };
    for (const Person& p : people) {
        const QString password =
            p.name == m_seed.ownerAName ? m_seed.ownerAPassword : p.name + u"'s long test password"_s;
        const auto added = StoreFixture::wait(client.addUser(auth::NewUser{p.name, p.role, p.merchant, password}));
        if (!ok(added, "user"))
            return false;
        const auto key = StoreFixture::wait(client.createApiKey(added->user.id, u"node tests"_s, std::nullopt));
        if (!ok(key, "key"))
            return false;
        *p.key = key->secret;
        if (p.name == m_seed.ownerAName) {
            const auto doomed = StoreFixture::wait(client.createApiKey(added->user.id, u"to revoke"_s, std::nullopt));
            if (!ok(doomed, "key to revoke"))
                return false;
            m_seed.revokedKey = doomed->secret;
            m_revokedKeyId = doomed->info.id;
        }
    }
    return true;
}

int NodeFixture::soukctl(const QStringList& args, QString* out)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"SOUK_STORE"_s);
    p.setProcessEnvironment(env);
    p.start(program("SOUK_TEST_SOUKCTL"), QStringList{u"--store"_s, storePath()} + args);
    if (!p.waitForStarted(StartTimeoutMs) || !p.waitForFinished(60'000)) {
        qWarning().noquote() << "NodeFixture: soukctl did not run:" << p.errorString();
        return -1;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitCode() != 0)
        qWarning().noquote() << "NodeFixture: soukctl" << args.join(u' ') << "said:" << p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool NodeFixture::writeSettings(const Settings& settings)
{
    Settings all = Defaults;
    all.insert(settings);
    QMap<QString, QByteArray> sections;
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        sections[it.key().section(u'/', 0, 0)] += it.key().section(u'/', 1).toUtf8() + '=' + it.value().toUtf8() + '\n';
    QByteArray ini;
    for (auto it = sections.cbegin(); it != sections.cend(); ++it)
        ini += '[' + it.key().toUtf8() + "]\n" + it.value();
    return writeFile(m_dir + u"/soukd.conf"_s, ini);
}

bool NodeFixture::start(const Settings& settings)
{
    if (running() || !writeSettings(settings))
        return false;
    QTcpServer probe; // a free loopback port: the kernel picks it, then lets it go for soukd
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return false;
    m_port = probe.serverPort();
    probe.close();
    return launch();
}

bool NodeFixture::restart()
{
    if (running() || m_port == 0)
        return false;
    return launch();
}

bool NodeFixture::launch()
{
    m_node = spawn(m_port, u"soukd.log"_s, &m_fingerprint);
    return m_node != nullptr;
}

std::unique_ptr<QProcess> NodeFixture::spawn(quint16 port, const QString& logName, QString* fingerprint)
{
    auto node = std::make_unique<QProcess>();
    // the node dies with the test, and holds none of the test's open files (a build lock, say)
    node->setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    });
    node->setStandardErrorFile(m_dir + u'/' + logName, QIODevice::Append);
    QStringList args = {
        u"--store"_s, storePath(), u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--config"_s, m_dir + u"/soukd.conf"_s};
    if (store::StoreOptions::isPostgresUrl(storePath())) {
        // no store file to keep the node's certificate beside: one of the test's own
        const QString cert = m_dir + u"/node.cert.pem"_s;
        const QString key = m_dir + u"/node.key.pem"_s;
        if (!QFileInfo::exists(cert)) {
            if (auto s = api::createSelfSigned(cert, key, {u"127.0.0.1"_s, u"localhost"_s}); !s) {
                qWarning().noquote() << "NodeFixture: no certificate:" << s.error().toString();
                return nullptr;
            }
        }
        args << u"--cert"_s << cert << u"--key"_s << key;
    }
    node->start(program("SOUK_TEST_SOUKD"), args);
    if (!node->waitForStarted(StartTimeoutMs)) {
        qWarning().noquote() << "NodeFixture: soukd did not start:" << node->errorString();
        return nullptr;
    }
    // "soukd listening on https://127.0.0.1:PORT" then "soukd certificate SHA-256 AB:CD:..."
    static const QRegularExpression fingerprintLine(u"soukd certificate SHA-256 ([0-9A-F:]{95})"_s);
    QByteArray out;
    QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired() && node->state() == QProcess::Running) {
        node->waitForReadyRead(100);
        out += node->readAllStandardOutput();
        const auto match = fingerprintLine.match(QString::fromUtf8(out));
        if (out.contains(QByteArray("soukd listening on https://127.0.0.1:" + QByteArray::number(port))) &&
            match.hasMatch()) {
            *fingerprint = match.captured(1);
            return node;
        }
    }
    QFile logFile(m_dir + u'/' + logName);
    logFile.open(QIODevice::ReadOnly);
    qWarning().noquote() << "NodeFixture: soukd never said it listens; stdout:" << out
                         << "stderr:" << QString::fromUtf8(logFile.readAll()).right(4000);
    node->kill();
    node->waitForFinished(StopTimeoutMs);
    return nullptr;
}

int NodeFixture::startPeer()
{
    if (!store::StoreOptions::isPostgresUrl(storePath()) || !running())
        return -1; // a SQLite store is one process's: a second node would be refused its file
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return -1;
    Peer peer;
    peer.port = probe.serverPort();
    probe.close();
    const int index = int(m_peers.size());
    peer.process = spawn(peer.port, u"soukd-peer-%1.log"_s.arg(index + 1), &peer.fingerprint);
    if (!peer.process)
        return -1;
    m_peers.push_back(std::move(peer));
    return index;
}

bool NodeFixture::killPeer(int index)
{
    QProcess* process = m_peers.at(index).process.get();
    if (process->state() == QProcess::NotRunning)
        return false;
    ::kill(static_cast<pid_t>(process->processId()), SIGKILL);
    return process->waitForFinished(StopTimeoutMs);
}

bool NodeFixture::restartPeer(int index)
{
    Peer& peer = m_peers.at(index);
    if (peer.process->state() != QProcess::NotRunning)
        return false;
    auto process = spawn(peer.port, u"soukd-peer-%1.log"_s.arg(index + 1), &peer.fingerprint);
    if (!process)
        return false;
    peer.process = std::move(process);
    return true;
}

bool NodeFixture::kill()
{
    if (!sendSignal(SIGKILL))
        return false;
    return m_node->waitForFinished(StopTimeoutMs);
}

bool NodeFixture::running() const
{
    return m_node && m_node->state() != QProcess::NotRunning;
}

qint64 NodeFixture::pid() const
{
    return m_node ? m_node->processId() : 0;
}

bool NodeFixture::sendSignal(int number)
{
    m_signalled = true; // whatever follows, the test asked for it
    return running() && ::kill(static_cast<pid_t>(m_node->processId()), number) == 0;
}

bool NodeFixture::stop()
{
    return sendSignal(SIGTERM) && waitForExit();
}

bool NodeFixture::waitForExit()
{
    if (!m_node)
        return false;
    const bool finished = m_node->state() == QProcess::NotRunning || m_node->waitForFinished(StopTimeoutMs);
    if (!finished || m_node->exitStatus() != QProcess::NormalExit || m_node->exitCode() != 0) {
        qWarning().noquote() << "NodeFixture: soukd did not stop cleanly; exit" << m_node->exitCode()
                             << "log:" << log();
        if (!finished) {
            m_node->kill();
            m_node->waitForFinished(StopTimeoutMs);
        }
        return false;
    }
    return true;
}

QString NodeFixture::log() const
{
    return QString::fromUtf8(readFile(m_dir + u"/soukd.log"_s));
}

NodeFixture::Reply NodeFixture::request(const QByteArray& method, const QString& pathAndQuery, const QString& bearer,
                                        const QByteArray& body, const Headers& headers)
{
    QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_port).arg(pathAndQuery)));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(RequestTimeoutMs);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    const QString pinned = m_fingerprint;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, pinned](const QList<QSslError>& errors) {
        // trust this one certificate and nothing else: not the system's CAs, not another self-signed one
        if (digestOf(reply->sslConfiguration().peerCertificate()) == pinned)
            reply->ignoreSslErrors(errors);
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(RequestTimeoutMs + 1000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.headers = reply->rawHeaderPairs();
    out.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && out.status == 0)
        out.error = reply->errorString();
    if (!reply->isFinished())
        out.error = u"no answer in time"_s;
    reply->abort();
    reply->deleteLater();
    return out;
}

std::unique_ptr<QSslSocket> NodeFixture::connectTls(int timeoutMs)
{
    auto socket = std::make_unique<QSslSocket>();
    QSslSocket* s = socket.get();
    const QString pinned = m_fingerprint;
    QObject::connect(s, &QSslSocket::sslErrors, s, [s, pinned](const QList<QSslError>&) {
        if (digestOf(s->peerCertificate()) == pinned)
            s->ignoreSslErrors();
    });
    s->connectToHostEncrypted(u"127.0.0.1"_s, m_port);
    if (!s->waitForEncrypted(timeoutMs))
        return nullptr;
    return socket;
}

NodeFixture::Reply NodeFixture::readReply(QSslSocket& socket, int timeoutMs)
{
    QByteArray raw;
    QDeadlineTimer deadline(timeoutMs);
    Reply out;
    while (!deadline.hasExpired()) {
        raw += socket.readAll();
        const qsizetype end = raw.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QList<QByteArray> lines = raw.left(end).split('\n');
            out.status = lines.value(0).split(' ').value(1).toInt();
            out.headers.clear();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    out.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            }
            out.body = raw.mid(end + 4);
            if (out.body.size() >= out.header("content-length").toLongLong())
                return out;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        socket.waitForReadyRead(50);
    }
    if (out.status == 0)
        out.error = raw.isEmpty() ? u"no answer"_s : u"not an answer: "_s + QString::fromLatin1(raw.left(200));
    return out;
}

NodeFixture::Reply NodeFixture::exchange(const QByteArray& bytes, int timeoutMs)
{
    auto socket = connectTls(timeoutMs);
    if (!socket)
        return Reply{0, {}, {}, u"no TLS connection"_s};
    socket->write(bytes);
    socket->flush();
    return readReply(*socket, timeoutMs);
}

} // namespace souk::test
