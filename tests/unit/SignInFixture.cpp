#include "tests/unit/SignInFixture.h"

void SignInFixture::init()
{
    m_clock.setMs(1767225600000);
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, m_clock);
    QVERIFY(m_f->ok());
    auto made = settle(client().engine().write<catalog::Merchant>(client().actor(), [](store::UnitOfWork& uow) {
        return catalog::MerchantService::createMerchant(uow, u"Shop B"_s, u"EUR"_s);
    }));
    QVERIFY2(made, qPrintable(outcome(made)));
    m_merchantB = made->id;
    // the store's owner (no users yet) adds the people; from then on it opens to nobody
    m_root = addUser(u"root"_s, Role::Admin, {}, RootPassword);
    m_olga = addUser(u"olga"_s, Role::Owner, m_f->merchantId(), OlgaPassword);
    m_sam = addUser(u"sam"_s, Role::Staff, m_f->merchantId(), SamPassword);
    m_bea = addUser(u"bea"_s, Role::Owner, m_merchantB, BeaPassword);
    QVERIFY(!m_root.isNull() && !m_olga.isNull() && !m_sam.isNull() && !m_bea.isNull());
    m_signIn = std::make_unique<engine::SignIn>(client().engine());
}

void SignInFixture::cleanup()
{
    m_signIn.reset(); // before the engine it works on
    m_f.reset();
}

Id SignInFixture::addUser(const QString& name, Role role, Id merchant, const QString& password)
{
    auto added = settle(client().addUser(auth::NewUser{name, role, merchant, password}));
    if (!added) {
        qWarning().noquote() << "addUser" << name << outcome(added);
        return {};
    }
    return added->user.id;
}

Result<auth::Principal> SignInFixture::signIn(const QString& name, const QString& password, const QString& code)
{
    return settle(client().signIn(name, password, code));
}

Result<auth::SignedIn> SignInFixture::signInForToken(const QString& name, const QString& password)
{
    return settle(m_signIn->signIn(name, password, {}, u"test"_s));
}

Result<auth::Principal> SignInFixture::authenticate(const QString& bearer)
{
    return settle(m_signIn->authenticate(bearer, u"test"_s));
}

void SignInFixture::signInAs(const QString& name, const QString& password)
{
    const auto p = signIn(name, password);
    QVERIFY2(p, qPrintable(name + u": "_s + outcome(p)));
}

std::pair<QByteArray, QStringList> SignInFixture::enrolTotp()
{
    auto enrolment = settle(client().beginTotp());
    if (!enrolment) {
        qWarning().noquote() << "beginTotp" << outcome(enrolment);
        return {};
    }
    const QByteArray secret = Totp::fromBase32(enrolment->secretBase32).value_or(QByteArray());
    auto codes = settle(client().confirmTotp(currentCode(secret)));
    if (!codes) {
        qWarning().noquote() << "confirmTotp" << outcome(codes);
        return {};
    }
    return {secret, *codes};
}

QString SignInFixture::wrongCode(const QByteArray& secret) const
{
    const qint64 now = Totp::stepAt(m_clock.nowMs());
    QStringList near;
    for (qint64 step = now - 2; step <= now + 2; ++step)
        near << Totp::code(secret, step);
    for (int n = 0;; ++n) {
        const QString code = u"%1"_s.arg(n * 111111 % 1000000, 6, 10, QChar(u'0'));
        if (!near.contains(code))
            return code;
    }
}

QStringList SignInFixture::rows(const QString& sql)
{
    auto read = settle(client().engine().read<QStringList>([sql](QSqlDatabase& db) -> Result<QStringList> {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return Error::internal(sql);
        QStringList out;
        while (q.next()) {
            QStringList columns;
            for (int i = 0; i < q.record().count(); ++i) {
                const QVariant v = q.value(i);
                columns << (v.isNull()                            ? u"NULL"_s
                            : v.typeId() == QMetaType::QByteArray ? QString::fromLatin1(v.toByteArray().toHex())
                                                                  : v.toString());
            }
            out << columns.join(u'|');
        }
        return out;
    }));
    if (!read)
        qWarning().noquote() << outcome(read);
    return read ? *read : QStringList();
}

QStringList SignInFixture::people()
{
    return rows(u"SELECT id, name, role, merchant_id, password_hash, totp_secret, totp_pending, totp_last_step, "
                "last_signin_ms, disabled_ms, version FROM users ORDER BY id"_s) +
           rows(u"SELECT * FROM sessions ORDER BY id"_s) + rows(u"SELECT * FROM api_keys ORDER BY id"_s) +
           rows(u"SELECT * FROM recovery_codes ORDER BY user_id, code_hash"_s) +
           rows(u"SELECT count(*) FROM merchants"_s);
}

void SignInFixture::flush()
{
    // writes run in order: once this one is done, the audit rows queued before it are committed
    // (a refusal found before the store is audited by a write of its own, not awaited)
    const auto done = settle(client().engine().write<bool>(Actor{u"test"_s, u"test"_s},
                                                           [](store::UnitOfWork&) -> Result<bool> { return true; }));
    if (!done)
        qWarning().noquote() << outcome(done);
}

QList<AuditRecord> SignInFixture::auditAfter(qint64 seq)
{
    flush();
    auto read = settle(client().engine().read<QList<AuditRecord>>([](QSqlDatabase& db) {
        return auth::AuditLog::list(db, auth::AuditQuery{{}, {}, 0, {}, 0, auth::AuditQuery::LimitMax});
    }));
    QList<AuditRecord> out;
    for (const AuditRecord& r : read ? *read : QList<AuditRecord>()) {
        if (r.seq > seq)
            out.prepend(r);
    }
    return out;
}

QString SignInFixture::auditMismatch(qint64 seq, const QString& operation, const QString& outcome, const QString& user,
                                  const QString& role)
{
    const QList<AuditRecord> after = auditAfter(seq);
    if (after.size() != 1)
        return u"%1 audit rows, not 1"_s.arg(after.size());
    const AuditRecord& r = after.first();
    const QString got = r.operation + u" "_s + r.outcome + u" "_s + r.userName + u" ["_s + r.role + u"]"_s;
    const QString want = operation + u" "_s + outcome + u" "_s + user + u" ["_s + role + u"]"_s;
    return got == want ? QString() : u"audit row: %1, expected %2 (%3)"_s.arg(got, want, r.detail);
}

QByteArray SignInFixture::storeBytes()
{
    return test::readFile(m_f->storePath()) + test::readFile(m_f->storePath() + u"-wal"_s);
}
