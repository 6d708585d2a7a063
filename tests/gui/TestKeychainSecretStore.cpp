// KeychainSecretStore against a real Secret Service: a private D-Bus session bus and an unlocked
// gnome-keyring of the test's own, never the user's keychain. Skipped, saying why, only when
// no Secret Service can be started on this machine.
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "backend/core/Async.h"
#include "views/connect/KeychainSecretStore.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int AnswerMs = 10'000;

template <typename T> std::optional<Result<T>> settle(QFuture<Result<T>> future, QObject* context)
{
    std::optional<Result<T>> answer;
    onReady(future, context, [&answer](const Result<T>& r) { answer = r; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, AnswerMs))
        return std::nullopt;
    return answer;
}

/// The error of a failed answer, for a failure message (QVERIFY2 reads it even on success).
template <typename T> QByteArray why(const Result<T>& r)
{
    return r ? QByteArray() : r.error().toString().toUtf8();
}

} // namespace

class TestKeychainSecretStore final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void writesReadsAndRemoves();
    void accountsAreApart();

private:
    /// Empty when the Secret Service answers; else why not.
    QString startSecretService();

    QTemporaryDir m_home;
    QProcess m_bus;
    QProcess m_keyring;
    std::unique_ptr<KeychainSecretStore> m_store;
};

QString TestKeychainSecretStore::startSecretService()
{
    const QString busProgram = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    const QString keyringProgram = QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s);
    if (busProgram.isEmpty() || keyringProgram.isEmpty())
        return u"dbus-daemon or gnome-keyring-daemon is not installed (Debian: dbus, gnome-keyring)"_s;
    m_bus.start(busProgram, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    if (!m_bus.waitForStarted(5000) || !m_bus.waitForReadyRead(5000))
        return u"dbus-daemon did not start: "_s + m_bus.errorString() + QString::fromUtf8(m_bus.readAllStandardError());
    const QByteArray address = m_bus.readLine().trimmed();
    // this process talks to the private bus only: the user's keychain is never touched
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, QString::fromUtf8(address));
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, m_home.path());
    m_keyring.setProcessEnvironment(env);
    m_keyring.start(keyringProgram, {u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s});
    if (!m_keyring.waitForStarted(5000))
        return u"gnome-keyring-daemon did not start: "_s + m_keyring.errorString();
    m_keyring.write("test keyring password"); // --unlock reads the login keyring's password
    m_keyring.closeWriteChannel();
    // the service takes its name on the bus a moment after it starts; nothing may ask for it
    // before, or the bus starts another keyring, locked and empty, to answer
    QDBusConnection bus = QDBusConnection::connectToBus(QString::fromUtf8(address), u"souk-test-bus"_s);
    const bool named = QTest::qWaitFor(
        [&bus] { return bus.interface() && bus.interface()->isServiceRegistered(u"org.freedesktop.secrets"_s); },
        AnswerMs);
    QDBusConnection::disconnectFromBus(u"souk-test-bus"_s);
    if (!named)
        return u"gnome-keyring-daemon did not take the name org.freedesktop.secrets: "_s +
               QString::fromUtf8(m_keyring.readAllStandardError());
    QDeadlineTimer deadline(AnswerMs);
    Result<bool> probe = Error::internal(u"not asked"_s);
    while (!deadline.hasExpired()) {
        // a write, not a read: the unlocked login collection must be there to take one
        const auto answer = settle(m_store->write(u"souk-test-probe"_s, u"x"_s), this);
        if (answer && *answer && settle(m_store->remove(u"souk-test-probe"_s), this).value_or(Result<bool>(false)))
            return {};
        if (answer)
            probe = *answer;
        if (m_keyring.state() == QProcess::NotRunning)
            break;
        QTest::qWait(200);
    }
    return u"the Secret Service did not answer: "_s + (probe ? QString() : probe.error().toString()) + u" "_s +
           QString::fromUtf8(m_keyring.readAllStandardError());
}

void TestKeychainSecretStore::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_store = std::make_unique<KeychainSecretStore>();
    if (const QString why = startSecretService(); !why.isEmpty())
        QSKIP(qPrintable(u"no Secret Service could be started, so the real keychain is not tested: "_s + why));
}

void TestKeychainSecretStore::cleanupTestCase()
{
    m_store.reset();
    for (QProcess* p : {&m_keyring, &m_bus}) {
        if (p->state() == QProcess::NotRunning)
            continue;
        p->terminate();
        if (!p->waitForFinished(5000))
            p->kill();
    }
}

void TestKeychainSecretStore::writesReadsAndRemoves()
{
    const QString account = u"https://127.0.0.1:8443 session ana"_s;
    const QString secret = u"st_test-session-token-1234567890"_s;
    auto written = settle(m_store->write(account, secret), this);
    QVERIFY(written);
    QVERIFY2(*written, why(*written).constData());
    auto read = settle(m_store->read(account), this);
    QVERIFY(read);
    QVERIFY2(*read, why(*read).constData());
    QCOMPARE(**read, secret);
    // a new value replaces the old one
    QVERIFY(settle(m_store->write(account, u"st_other"_s), this).value_or(Result<bool>(false)));
    QCOMPARE(settle(m_store->read(account), this)->value(), u"st_other"_s);
    auto removed = settle(m_store->remove(account), this);
    QVERIFY(removed && *removed);
    auto gone = settle(m_store->read(account), this);
    QVERIFY(gone && !*gone);
    QCOMPARE(gone->error().code, ErrorCode::NotFound);
    QCOMPARE(gone->error().field, u"account"_s);
    auto removedAgain = settle(m_store->remove(account), this);
    QVERIFY(removedAgain && *removedAgain); // nothing kept: nothing to remove, no error
}

void TestKeychainSecretStore::accountsAreApart()
{
    const QString a = u"https://node-1:8443 api-key ana"_s;
    const QString b = u"https://node-2:8443 api-key ana"_s;
    QVERIFY(settle(m_store->write(a, u"sk_a"_s), this).value_or(Result<bool>(false)));
    QVERIFY(settle(m_store->write(b, u"sk_b"_s), this).value_or(Result<bool>(false)));
    QCOMPARE(settle(m_store->read(a), this)->value(), u"sk_a"_s);
    QCOMPARE(settle(m_store->read(b), this)->value(), u"sk_b"_s);
    QVERIFY(settle(m_store->remove(a), this).value_or(Result<bool>(false)));
    QCOMPARE(settle(m_store->read(b), this)->value(), u"sk_b"_s);
    QVERIFY(settle(m_store->remove(b), this).value_or(Result<bool>(false)));
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
