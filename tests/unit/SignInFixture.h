#pragma once

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimer>

#include "backend/auth/AuditLog.h"
#include "backend/auth/Credentials.h"
#include "backend/auth/Secret.h"
#include "backend/auth/Totp.h"
#include "backend/catalog/MerchantService.h"
#include "backend/engine/Engine.h"
#include "backend/engine/SignIn.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestSupport.h"

// test-only: the sign-in tests share this fixture and read as one file with it
using namespace Qt::StringLiterals;
using namespace souk;
using souk::auth::AuditRecord;
using souk::auth::Credentials;
using souk::auth::Role;
using souk::auth::Totp;
using souk::test::StoreFixture;

/// A real store with a MockClock, a second merchant and four users (admin root, owner olga and
/// staff sam of merchant A, owner bea of merchant B), and the helpers the sign-in tests share:
/// every refusal they check has its code and field, an audit row, and changes nothing else.
class SignInFixture : public QObject
{
    Q_OBJECT

protected:
    static inline const QString RootPassword = u"root-password-42"_s;
    static inline const QString OlgaPassword = u"olga-password-42"_s;
    static inline const QString SamPassword = u"sam-password-4242"_s;
    static inline const QString BeaPassword = u"bea-password-4242"_s;
    static inline const QString WrongPassword = u"not-the-password"_s;

    /// Waits for a future, letting queued callbacks run: LocalClient::signIn settles on the client's
    /// thread, so blocking in waitForFinished() would never see it finish.
    template <typename T> static T settle(QFuture<T> future)
    {
        if (!future.isFinished()) {
            QEventLoop loop;
            QFutureWatcher<T> watcher;
            QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
            watcher.setFuture(future);
            if (!future.isFinished())
                loop.exec();
        }
        QCoreApplication::processEvents();
        return future.result();
    }

    /// "ok", or the error's code, field and message, for one-line comparisons.
    template <typename T> static QString outcome(const Result<T>& r)
    {
        return r ? u"ok"_s : r.error().toString();
    }

    /// "ok", or the error code's name.
    template <typename T> static QString codeOf(const Result<T>& r)
    {
        return r ? u"ok"_s : errorCodeName(r.error().code);
    }

    static QByteArray sha256(const QString& text)
    {
        return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    }

private slots:
    void init();
    void cleanup();

protected:
    LocalClient& client() { return m_f->client(); }
    Id addUser(const QString& name, Role role, Id merchant, const QString& password);
    Result<auth::Principal> signIn(const QString& name, const QString& password, const QString& code = {});
    /// Sign-in through the engine, which hands out the session token LocalClient keeps to itself.
    Result<auth::SignedIn> signInForToken(const QString& name, const QString& password);
    Result<auth::Principal> authenticate(const QString& bearer);
    /// Signs in, failing the test when that does not work.
    void signInAs(const QString& name, const QString& password);
    /// Enrols the signed-in user's second factor: its secret, and the recovery codes.
    std::pair<QByteArray, QStringList> enrolTotp();
    QString currentCode(const QByteArray& secret) const { return Totp::code(secret, Totp::stepAt(m_clock.nowMs())); }
    /// A code of six digits that no step near now has.
    QString wrongCode(const QByteArray& secret) const;

    /// Rows of `sql`, each as its columns joined by '|'; read past any principal.
    QStringList rows(const QString& sql);
    qint64 number(const QString& sql) { return rows(sql).value(0).toLongLong(); }
    /// The people tables, without what a failed sign-in is meant to change (the failure count).
    QStringList people();
    /// Waits until the writer has done what was queued before.
    void flush();
    qint64 lastSeq()
    {
        flush();
        return number(u"SELECT coalesce(max(seq), 0) FROM audit_log"_s);
    }
    /// The audit rows appended after `seq`, oldest first.
    QList<AuditRecord> auditAfter(qint64 seq);
    /// Empty when the only row after `seq` is `operation` with `outcome` by `user` (as typed) and `role`.
    QString auditMismatch(qint64 seq, const QString& operation, const QString& outcome, const QString& user,
                          const QString& role);
    qint64 failures(Id user) { return number(u"SELECT failed_signins FROM users WHERE id = "_s + user.toString()); }
    /// The store file and its write-ahead log, byte for byte.
    QByteArray storeBytes();

    MockClock m_clock;
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<engine::SignIn> m_signIn;
    Id m_merchantB;
    Id m_root;
    Id m_olga;
    Id m_sam;
    Id m_bea;
};
