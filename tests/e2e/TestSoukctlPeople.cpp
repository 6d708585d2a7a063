#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// The name soukctl audits its commands under (it takes the system user's).
const QString Admin = u"e2e-admin"_s;
const QString BobPassword = u"bob's long password"_s;

} // namespace

/// Runs the real soukctl binary on a store and checks what an administrator (or a script) sees of
/// users, API keys and the audit log: exit codes, the field an error names on stderr, secrets
/// printed once and never again, and an audit chain that finds an edit made behind its back.
class TestSoukctlPeople final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void addPrintsGeneratedPasswordOnce();
    void addReadsPasswordFromStdin();
    void listsUsers();
    void addRefuses_data();
    void addRefuses();
    void disablesAndResetsTotp();
    void apiKeyIsPrintedOnce();
    void apiKeyErrorsNameTheirOption();
    void listsAuditRows();
    void auditListRefusesBadOptions_data();
    void auditListRefusesBadOptions();
    void auditVerifyFindsAnEditedRow();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run soukctl(const QStringList& args, const QByteArray& input = {});
    Run inStore(const QStringList& args, const QByteArray& input = {})
    {
        return soukctl(QStringList{u"--store"_s, store()} + args, input);
    }
    QString store() const { return m_dir->filePath(u"shop.souk"_s); }
    QJsonArray json(const QStringList& args);
    /// The users as `users list --json` shows them, by name.
    QMap<QString, QJsonObject> users();
    QByteArray storeBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_anaPassword;
};

void TestSoukctlPeople::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const Run ana = inStore({u"users"_s, u"add"_s, u"ana"_s, u"--role"_s, u"owner"_s});
    QVERIFY2(ana.code == 0, qPrintable(ana.err));
    m_anaPassword = ana.out.section(u"change it at first sign-in): "_s, 1).trimmed();
    const Run bob = inStore({u"users"_s, u"add"_s, u"bob"_s, u"--role"_s, u"support"_s, u"--password-stdin"_s},
                            BobPassword.toUtf8() + "\n");
    QVERIFY2(bob.code == 0, qPrintable(bob.err));
}

TestSoukctlPeople::Run TestSoukctlPeople::soukctl(const QStringList& args, const QByteArray& input)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"USER"_s, Admin);
    env.remove(u"SOUK_STORE"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SOUKCTL_PATH), args);
    if (!p.waitForStarted(30000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {};
    QString err = QString::fromUtf8(p.readAllStandardError());
    if (p.exitStatus() == QProcess::CrashExit)
        err += u"\n(soukctl crashed)"_s;
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), err};
}

QJsonArray TestSoukctlPeople::json(const QStringList& args)
{
    const Run run = inStore(args + QStringList{u"--json"_s});
    if (run.code != 0)
        qWarning().noquote() << args.join(u' ') << run.err;
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

QMap<QString, QJsonObject> TestSoukctlPeople::users()
{
    QMap<QString, QJsonObject> out;
    for (const QJsonValue& u : json({u"users"_s, u"list"_s}))
        out.insert(u[u"name"_s].toString(), u.toObject());
    return out;
}

QByteArray TestSoukctlPeople::storeBytes() const
{
    QByteArray bytes;
    for (const QString& path : QStringList{store(), store() + u"-wal"_s}) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    return bytes;
}

void TestSoukctlPeople::addPrintsGeneratedPasswordOnce()
{
    // from init: "added ana (owner)", then the password soukctl made up
    static const QRegularExpression shape(u"^[2-9a-z]{20}$"_s);
    QVERIFY2(shape.match(m_anaPassword).hasMatch(), qPrintable(m_anaPassword));
    const Run add = inStore({u"users"_s, u"add"_s, u"cleo"_s, u"--role"_s, u"staff"_s});
    QCOMPARE(add.code, 0);
    QVERIFY2(add.out.startsWith(u"added cleo (staff)\n"_s), qPrintable(add.out));
    QVERIFY2(add.out.contains(u"\none-time password (shown once; "_s), qPrintable(add.out));
    const QString password = add.out.section(u"change it at first sign-in): "_s, 1).trimmed();
    QVERIFY(shape.match(password).hasMatch());
    QVERIFY(password != m_anaPassword);
    // nowhere else: not in listings, not in the store file (only its Argon2id hash is)
    for (const QStringList& args : {QStringList{u"users"_s, u"list"_s}, QStringList{u"users"_s, u"list"_s, u"--json"_s},
                                    QStringList{u"audit"_s, u"list"_s, u"--json"_s}}) {
        const Run list = inStore(args);
        QCOMPARE(list.code, 0);
        QVERIFY(!list.out.contains(password) && !list.out.contains(m_anaPassword));
    }
    QVERIFY(storeBytes().contains("$argon2id$"));
    QVERIFY(!storeBytes().contains(password.toUtf8()));
}

void TestSoukctlPeople::addReadsPasswordFromStdin()
{
    // from init: bob's password came from standard input, so nothing was printed but the line
    const Run add = inStore({u"users"_s, u"add"_s, u"dan"_s, u"--role"_s, u"operator"_s, u"--password-stdin"_s},
                            "  dan's own password  \r\n");
    QCOMPARE(add.code, 0);
    QCOMPARE(add.out, u"added dan (operator)\n"_s);
    QVERIFY(!storeBytes().contains("dan's own password"));

    const Run shortOne =
        inStore({u"users"_s, u"add"_s, u"eve"_s, u"--role"_s, u"staff"_s, u"--password-stdin"_s}, "eleven-char\n");
    QCOMPARE(shortOne.code, 1);
    QVERIFY2(shortOne.err.contains(u"invalid [--password-stdin]"_s) && shortOne.err.contains(u"at least 12"_s),
             qPrintable(shortOne.err));
    // an empty line is no password, rather than a request for a generated one
    for (const QByteArray& input : {QByteArray(), QByteArray("\n")}) {
        const Run empty =
            inStore({u"users"_s, u"add"_s, u"eve"_s, u"--role"_s, u"staff"_s, u"--password-stdin"_s}, input);
        QCOMPARE(empty.code, 1);
        QVERIFY2(empty.err.contains(u"[--password-stdin]"_s), qPrintable(empty.err));
        QVERIFY(empty.out.isEmpty());
    }
    QVERIFY(!users().contains(u"eve"_s));
}

void TestSoukctlPeople::listsUsers()
{
    const QMap<QString, QJsonObject> all = users();
    QCOMPARE(all.keys(), (QStringList{u"ana"_s, u"bob"_s}));
    const QJsonObject ana = all[u"ana"_s];
    QCOMPARE(ana[u"role"_s].toString(), u"owner"_s);
    QVERIFY(ana[u"id"_s].isString());          // ids travel as strings
    QVERIFY(ana[u"merchant_id"_s].isString()); // the store's first merchant
    QCOMPARE(ana[u"totp"_s].toBool(true), false);
    QVERIFY(ana[u"disabled_at"_s].isNull());
    QVERIFY(ana[u"last_sign_in"_s].isNull());
    QCOMPARE(ana[u"failed_sign_ins"_s].toInt(-1), 0);
    QVERIFY(all[u"bob"_s][u"merchant_id"_s].isNull()); // support works across merchants
    QVERIFY(!QJsonDocument(QJsonArray{ana}).toJson().contains("password"));

    const Run text = inStore({u"users"_s, u"list"_s});
    QCOMPARE(text.code, 0);
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith(u"name\trole\tmerchant"_s));
    QVERIFY2(lines[1].startsWith(u"ana\towner\t"_s + ana[u"merchant_id"_s].toString() + u"\tno\tactive"_s),
             qPrintable(lines[1]));
    QVERIFY(lines[2].startsWith(u"bob\tsupport\t-\tno\tactive"_s));
}

void TestSoukctlPeople::addRefuses_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("error");
    QTest::addRow("duplicate") << QStringList{u"ana"_s, u"--role"_s, u"staff"_s} << 1 << u"duplicate [NAME]"_s;
    QTest::addRow("duplicate, other case")
        << QStringList{u"ANA"_s, u"--role"_s, u"staff"_s} << 1 << u"duplicate [NAME]"_s;
    QTest::addRow("bad name") << QStringList{u"ana lima"_s, u"--role"_s, u"staff"_s} << 1 << u"invalid [NAME]"_s;
    QTest::addRow("bad role") << QStringList{u"cleo"_s, u"--role"_s, u"boss"_s} << 1 << u"invalid [--role]"_s;
    QTest::addRow("no role") << QStringList{u"cleo"_s} << 1 << u"invalid [--role]"_s;
    QTest::addRow("support of a merchant")
        << QStringList{u"cleo"_s, u"--role"_s, u"support"_s, u"--merchant"_s, u"1"_s} << 1 << u"invalid [--merchant]"_s;
    QTest::addRow("unknown merchant") << QStringList{u"cleo"_s, u"--role"_s, u"owner"_s, u"--merchant"_s, u"999"_s} << 1
                                      << u"not_found [--merchant]"_s;
    QTest::addRow("bad merchant id") << QStringList{u"cleo"_s, u"--role"_s, u"owner"_s, u"--merchant"_s, u"x"_s} << 1
                                     << u"invalid [--merchant]"_s;
    QTest::addRow("no name") << QStringList{u"--role"_s, u"staff"_s} << 2 << u"usage: soukctl users add"_s;
}

void TestSoukctlPeople::addRefuses()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, error);
    const Run add = inStore(QStringList{u"users"_s, u"add"_s} + args);
    QCOMPARE(add.code, code);
    QVERIFY2(add.err.startsWith(u"soukctl: "_s + error), qPrintable(add.err));
    QVERIFY(add.out.isEmpty());
    QCOMPARE(users().keys(), (QStringList{u"ana"_s, u"bob"_s}));
}

void TestSoukctlPeople::disablesAndResetsTotp()
{
    const Run disable = inStore({u"users"_s, u"disable"_s, u"bob"_s, u"--reason"_s, u"left the team"_s});
    QVERIFY2(disable.code == 0, qPrintable(disable.err));
    QCOMPARE(disable.out, u"disabled bob\n"_s);
    QVERIFY(users()[u"bob"_s][u"disabled_at"_s].isString());
    QVERIFY(users()[u"ana"_s][u"disabled_at"_s].isNull());
    QVERIFY(inStore({u"users"_s, u"list"_s}).out.contains(u"bob\tsupport\t-\tno\tdisabled"_s));
    const QJsonArray rows = json({u"audit"_s, u"list"_s, u"--limit"_s, u"1"_s});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0][u"operation"_s].toString(), u"disable_user"_s);
    QCOMPARE(rows[0][u"reason"_s].toString(), u"left the team"_s);
    QCOMPARE(rows[0][u"user"_s].toString(), Admin);
    QCOMPARE(rows[0][u"objects"_s].toArray().first().toString(), u"user:"_s + users()[u"bob"_s][u"id"_s].toString());
    // a disabled user gets no key
    const Run key = inStore({u"apikeys"_s, u"create"_s, u"--user"_s, u"bob"_s});
    QCOMPARE(key.code, 1);
    QVERIFY2(key.err.contains(u"conflict [--user]"_s), qPrintable(key.err));

    const Run reset = inStore({u"users"_s, u"reset-totp"_s, u"ana"_s, u"--reason"_s, u"lost phone"_s});
    QVERIFY2(reset.code == 0, qPrintable(reset.err));
    QCOMPARE(reset.out, u"second factor removed for ana\n"_s);
    for (const QString& verb : {u"disable"_s, u"reset-totp"_s}) {
        const Run unknown = inStore({u"users"_s, verb, u"zoe"_s});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(u"not_found [NAME]"_s) && unknown.err.contains(u"zoe"_s),
                 qPrintable(unknown.err));
    }
    QCOMPARE(inStore({u"users"_s, u"disable"_s}).code, 2);
}

void TestSoukctlPeople::apiKeyIsPrintedOnce()
{
    const Run create = inStore({u"apikeys"_s, u"create"_s, u"--user"_s, u"ana"_s, u"--name"_s, u"till"_s});
    QVERIFY2(create.code == 0, qPrintable(create.err));
    const QStringList lines = create.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].contains(u"shown once"_s), qPrintable(lines[0]));
    const QString key = lines[1];
    QVERIFY2(QRegularExpression(u"^sk_[A-Za-z0-9_-]{43}$"_s).match(key).hasMatch(), qPrintable(key));
    const QString id = lines[0].section(u"(id "_s, 1).section(u';', 0, 0);
    QVERIFY(!id.isEmpty());

    const QJsonArray keys = json({u"apikeys"_s, u"list"_s});
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys[0][u"id"_s].toString(), id);
    QCOMPARE(keys[0][u"user"_s].toString(), u"ana"_s);
    QCOMPARE(keys[0][u"name"_s].toString(), u"till"_s);
    const QString prefix = keys[0][u"prefix"_s].toString();
    QVERIFY(key.startsWith(prefix) && prefix.size() > 3 && prefix.size() < key.size() / 2);
    QVERIFY(keys[0][u"revoked_at"_s].isNull());
    QVERIFY(keys[0][u"expires_at"_s].isNull());
    const Run text = inStore({u"apikeys"_s, u"list"_s, u"--user"_s, u"ana"_s});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(id + u"\tana\t"_s + prefix + u"…\ttill\t"_s), qPrintable(text.out));
    // the key is nowhere after it was printed: not in listings, the audit log or the store file
    const QString secretPart = key.mid(prefix.size());
    for (const QStringList& args :
         {QStringList{u"apikeys"_s, u"list"_s}, QStringList{u"apikeys"_s, u"list"_s, u"--json"_s},
          QStringList{u"audit"_s, u"list"_s, u"--json"_s}, QStringList{u"audit"_s, u"list"_s}}) {
        const Run run = inStore(args);
        QVERIFY(run.code == 0 && !run.out.contains(secretPart) && !run.err.contains(secretPart));
    }
    QVERIFY(!storeBytes().contains(secretPart.toUtf8()));

    const Run expiring = inStore({u"apikeys"_s, u"create"_s, u"--user"_s, u"ana"_s, u"--expires"_s, u"30"_s});
    QCOMPARE(expiring.code, 0);
    QVERIFY(json({u"apikeys"_s, u"list"_s})[0][u"expires_at"_s].isString()); // newest first

    const Run revoke = inStore({u"apikeys"_s, u"revoke"_s, id});
    QVERIFY2(revoke.code == 0, qPrintable(revoke.err));
    QCOMPARE(revoke.out, u"revoked "_s + prefix + u"… of ana\n"_s);
    const QJsonArray after = json({u"apikeys"_s, u"list"_s});
    QCOMPARE(after.size(), 2);
    QVERIFY(after[1][u"revoked_at"_s].isString());
    QVERIFY(inStore({u"apikeys"_s, u"list"_s}).out.contains(u"\trevoked\n"_s));
    QCOMPARE(json({u"audit"_s, u"list"_s, u"--limit"_s, u"1"_s})[0][u"objects"_s].toArray().first().toString(),
             u"api_key:"_s + id);
}

void TestSoukctlPeople::apiKeyErrorsNameTheirOption()
{
    const struct
    {
        QStringList args;
        int code;
        QString error;
    } cases[] = {
        {{u"create"_s, u"--user"_s, u"zoe"_s}, 1, u"not_found [--user]"_s},
        {{u"create"_s, u"--user"_s, u"ana"_s, u"--expires"_s, u"5000"_s}, 1, u"invalid [--expires]"_s},
        {{u"create"_s, u"--user"_s, u"ana"_s, u"--name"_s, QString(81, u'k')}, 1, u"invalid [--name]"_s},
        {{u"revoke"_s, u"123"_s}, 1, u"not_found [ID]"_s},
        {{u"revoke"_s, u"abc"_s}, 1, u"invalid [ID]"_s},
        {{u"create"_s}, 2, u"usage: soukctl apikeys"_s},
        {{u"revoke"_s}, 2, u"usage: soukctl apikeys"_s},
        {{u"rotate"_s}, 2, u"usage: soukctl apikeys"_s},
    };
    for (const auto& c : cases) {
        const Run run = inStore(QStringList{u"apikeys"_s} + c.args);
        QVERIFY2(run.code == c.code && run.err.startsWith(u"soukctl: "_s + c.error),
                 qPrintable(c.args.join(u' ') + u": "_s + QString::number(run.code) + u" "_s + run.err));
    }
    QCOMPARE(json({u"apikeys"_s, u"list"_s}).size(), 0);
}

void TestSoukctlPeople::listsAuditRows()
{
    const Run simulate = inStore({u"simulate"_s, u"--orders"_s, u"4"_s, u"--seed"_s, u"3"_s});
    QVERIFY2(simulate.code == 0, qPrintable(simulate.err));
    const QJsonArray all = json({u"audit"_s, u"list"_s, u"--limit"_s, u"1000"_s});
    QVERIFY(all.size() > 2);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const QJsonValue& row : all) {
        const qint64 seq = row[u"seq"_s].toString().toLongLong();
        QVERIFY(seq > 0 && seq < previous); // newest first
        previous = seq;
        QCOMPARE(row[u"user"_s].toString(), Admin);
        QCOMPARE(row[u"role"_s].toString(), u"admin"_s);
        QCOMPARE(row[u"via"_s].toString(), u"local"_s);
    }
    // the oldest rows: ana and bob added by init
    QCOMPARE(all[all.size() - 1][u"operation"_s].toString(), u"add_user"_s);
    QCOMPARE(all[all.size() - 2][u"operation"_s].toString(), u"add_user"_s);
    QCOMPARE(all[all.size() - 1][u"outcome"_s].toString(), u"ok"_s);

    const QJsonArray payments = json({u"audit"_s, u"list"_s, u"--entity"_s, u"payment"_s});
    QVERIFY(!payments.isEmpty());
    QString onePayment;
    for (const QJsonValue& row : payments) {
        bool named = false;
        for (const QJsonValue& o : row[u"objects"_s].toArray())
            named = named || o.toString().startsWith(u"payment:"_s);
        QVERIFY(named);
        onePayment = row[u"objects"_s].toArray().first().toString();
    }
    QVERIFY(onePayment.startsWith(u"payment:"_s));
    for (const QJsonValue& row : json({u"audit"_s, u"list"_s, u"--entity"_s, onePayment}))
        QVERIFY(row[u"objects"_s].toArray().contains(QJsonValue(onePayment)));

    QCOMPARE(json({u"audit"_s, u"list"_s, u"--user"_s, Admin.toUpper(), u"--limit"_s, u"1000"_s}).size(), all.size());
    QCOMPARE(json({u"audit"_s, u"list"_s, u"--user"_s, u"ana"_s}).size(), 0); // ana did nothing herself
    QCOMPARE(json({u"audit"_s, u"list"_s, u"--since"_s, u"24h"_s, u"--limit"_s, u"1000"_s}).size(), all.size());
    QCOMPARE(json({u"audit"_s, u"list"_s, u"--since"_s, u"2999-01-01"_s}).size(), 0);
    QCOMPARE(json({u"audit"_s, u"list"_s, u"--since"_s, u"2000-01-01T00:00Z"_s, u"--limit"_s, u"1000"_s}).size(),
             all.size());
    QCOMPARE(json({u"audit"_s, u"list"_s, u"--limit"_s, u"2"_s}).size(), 2);

    const Run text = inStore({u"audit"_s, u"list"_s, u"--limit"_s, u"3"_s});
    QCOMPARE(text.code, 0);
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith(u"seq\ttime\tuser\trole\toperation\toutcome"_s));
    QVERIFY2(lines[1].startsWith(all[0][u"seq"_s].toString() + u"\t"_s), qPrintable(lines[1]));
}

void TestSoukctlPeople::auditListRefusesBadOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("error");
    QTest::addRow("since a word") << QStringList{u"list"_s, u"--since"_s, u"yesterday"_s} << 1 << u"[--since]"_s;
    QTest::addRow("since a bad date") << QStringList{u"list"_s, u"--since"_s, u"2026-13-01"_s} << 1 << u"[--since]"_s;
    QTest::addRow("since minutes") << QStringList{u"list"_s, u"--since"_s, u"5m"_s} << 1 << u"[--since]"_s;
    QTest::addRow("limit 0") << QStringList{u"list"_s, u"--limit"_s, u"0"_s} << 1 << u"[--limit]"_s;
    QTest::addRow("limit too high") << QStringList{u"list"_s, u"--limit"_s, u"1001"_s} << 1 << u"[--limit]"_s;
    QTest::addRow("limit a word") << QStringList{u"list"_s, u"--limit"_s, u"all"_s} << 1 << u"[--limit]"_s;
    QTest::addRow("no verb") << QStringList{} << 2 << u"usage: soukctl audit"_s;
    QTest::addRow("extra word") << QStringList{u"verify"_s, u"now"_s} << 2 << u"usage: soukctl audit"_s;
}

void TestSoukctlPeople::auditListRefusesBadOptions()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, error);
    const Run run = inStore(QStringList{u"audit"_s} + args);
    QCOMPARE(run.code, code);
    QVERIFY2(run.err.startsWith(u"soukctl: "_s) && run.err.contains(error), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestSoukctlPeople::auditVerifyFindsAnEditedRow()
{
    QVERIFY(inStore({u"users"_s, u"disable"_s, u"bob"_s, u"--reason"_s, u"left"_s}).code == 0);
    const Run intact = inStore({u"audit"_s, u"verify"_s});
    QVERIFY2(intact.code == 0, qPrintable(intact.err));
    QCOMPARE(intact.out, u"audit log: 3 rows, chain intact\n"_s);
    const QJsonObject ok =
        QJsonDocument::fromJson(inStore({u"audit"_s, u"verify"_s, u"--json"_s}).out.toUtf8()).object();
    QCOMPARE(ok[u"ok"_s].toBool(false), true);
    QVERIFY(ok[u"first_bad_seq"_s].isNull());

    const QString seq = json({u"audit"_s, u"list"_s, u"--user"_s, Admin, u"--entity"_s, u"user"_s})
                            .at(0)[u"seq"_s]
                            .toString(); // the disable, the newest row naming a user
    QCOMPARE(seq, u"3"_s);
    {
        // with the file in hand, as a tool or an intruder has it
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(store());
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        const QString edit = u"UPDATE audit_log SET reason = 'routine check' WHERE seq = "_s + seq;
        QVERIFY(!q.exec(edit)); // the triggers keep the log append-only
        QVERIFY2(q.lastError().text().contains(u"append-only"_s), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(u"DROP TRIGGER audit_log_no_update"_s));
        QVERIFY(q.exec(u"DROP TRIGGER audit_log_no_delete"_s));
        QVERIFY2(q.exec(edit), qPrintable(q.lastError().text()));
        QCOMPARE(q.numRowsAffected(), 1);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);

    const Run broken = inStore({u"audit"_s, u"verify"_s});
    QCOMPARE(broken.code, 3);
    QVERIFY2(broken.err.contains(u"row "_s + seq + u" does not match"_s), qPrintable(broken.err));
    const Run brokenJson = inStore({u"audit"_s, u"verify"_s, u"--json"_s});
    QCOMPARE(brokenJson.code, 3);
    const QJsonObject report = QJsonDocument::fromJson(brokenJson.out.toUtf8()).object();
    QCOMPARE(report[u"ok"_s].toBool(true), false);
    QCOMPARE(report[u"first_bad_seq"_s].toString(), seq);
    QVERIFY(report[u"problem"_s].toString().contains(u"row "_s + seq));
    // the edited row reads as edited: the log shows what is there, the chain says it was changed
    QCOMPARE(json({u"audit"_s, u"list"_s, u"--limit"_s, u"1"_s})[0][u"reason"_s].toString(), u"routine check"_s);
}

QTEST_GUILESS_MAIN(TestSoukctlPeople)
#include "TestSoukctlPeople.moc"
