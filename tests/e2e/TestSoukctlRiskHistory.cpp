#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "backend/risk/history/FraudSimulator.h"
#include "backend/risk/history/HistoryCsv.h"

using namespace Qt::StringLiterals;

/// Runs the real soukctl on a store file: a simulated merchant's history imported from CSV,
/// a rule file backtested over it, models trained, evaluated and activated; and what a script
/// sees when the file, the rules or the options are wrong (exit codes, where, nothing changed).
class TestSoukctlRiskHistory final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importBacktestTrainActivate();
    void badHistoryImportsNothing();
    void badRulesAndOptions_data();
    void badRulesAndOptions();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run inStore(const QStringList& args)
    {
        QProcess p;
        p.start(QStringLiteral(SOUKCTL_PATH), QStringList{u"--store"_s, m_dir.filePath(u"shop.souk"_s)} + args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    QString write(const QString& name, const QByteArray& data)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            QTest::qFail("cannot write a test file", __FILE__, __LINE__);
        return f.fileName();
    }
    qint64 assessments()
    {
        const Run r = inStore({u"rules"_s, u"backtest"_s, m_rules, u"--json"_s});
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"payments"_s).toInteger(-1);
    }

    QTemporaryDir m_dir;
    QString m_history;
    QString m_rules;
};

void TestSoukctlRiskHistory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Run simulated = inStore({u"simulate"_s, u"--orders"_s, u"5"_s});
    QVERIFY2(simulated.code == 0, qPrintable(simulated.err));
    souk::risk::FraudSimulatorOptions options;
    options.merchants = 1;
    options.payments = 8000;
    auto rows = souk::risk::FraudSimulator::generate(options);
    QVERIFY(rows);
    m_history = write(u"history.csv"_s, souk::risk::HistoryCsv::write(souk::risk::FraudSimulator::payments(*rows)));
    m_rules = write(u"rules.txt"_s, "# card testing\nBlock if :device_distinct_cards_24h: >= 3\n"
                                    "Review if :card_country: != :ip_country: and :amount: > 100\n");
}

void TestSoukctlRiskHistory::importBacktestTrainActivate()
{
    const Run imported = inStore({u"payments"_s, u"import-history"_s, m_history});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QVERIFY2(imported.out.startsWith(u"imported 8000 payments"_s), qPrintable(imported.out));

    const Run backtest = inStore({u"rules"_s, u"backtest"_s, m_rules, u"--json"_s});
    QVERIFY2(backtest.code == 0, qPrintable(backtest.err));
    const QJsonObject r = QJsonDocument::fromJson(backtest.out.toUtf8()).object();
    QVERIFY(r.value(u"payments"_s).toInteger() >= 8000); // the history and the simulated orders
    QVERIFY(r.value(u"blocked"_s).toInteger() > 0);
    QVERIFY(r.value(u"blocked_fraud"_s).toInteger() > 0);
    QCOMPARE(r.value(u"rules"_s).toArray().size(), 2);
    const Run text = inStore({u"rules"_s, u"backtest"_s, m_rules});
    QVERIFY(text.out.contains(u"would block"_s));
    QVERIFY(text.out.contains(u"line 2: matched"_s));

    const Run trained = inStore({u"risk"_s, u"train"_s, u"--model"_s, u"lr"_s, u"--until"_s, u"2026-05-01"_s,
                                 u"--json"_s});
    QVERIFY2(trained.code == 0, qPrintable(trained.err));
    const QJsonObject model = QJsonDocument::fromJson(trained.out.toUtf8()).object();
    QCOMPARE(model.value(u"version"_s).toInteger(), 1);
    QCOMPARE(model.value(u"active"_s).toBool(), false);
    QVERIFY(model.value(u"auc"_s).toDouble() > 0.75);

    const Run none = inStore({u"risk"_s, u"evaluate"_s, u"--from"_s, u"2026-05-01"_s, u"--to"_s, u"2026-07-01"_s});
    QCOMPARE(none.code, 1);
    QVERIFY(none.err.contains(u"no model is active"_s));
    QCOMPARE(inStore({u"risk"_s, u"activate"_s, u"1"_s}).code, 0);
    const Run evaluated = inStore({u"risk"_s, u"evaluate"_s, u"--from"_s, u"2026-05-01"_s, u"--to"_s,
                                   u"2026-07-01"_s, u"--json"_s});
    QVERIFY2(evaluated.code == 0, qPrintable(evaluated.err));
    const QJsonObject e = QJsonDocument::fromJson(evaluated.out.toUtf8()).object();
    QVERIFY(e.value(u"fraud"_s).toInteger() > 0);
    QVERIFY(e.value(u"auc"_s).toDouble() > 0.75);
    const Run models = inStore({u"risk"_s, u"models"_s});
    QVERIFY(models.out.contains(u"model 1 (lr, active)"_s));
    QCOMPARE(inStore({u"check"_s}).code, 0);
}

void TestSoukctlRiskHistory::badHistoryImportsNothing()
{
    const qint64 before = assessments();
    const QString bad = write(u"bad.csv"_s,
                              "created_at,amount,currency,outcome,card_fingerprint,card_brand,card_country,email,ip,"
                              "ip_country,device_id,customer_id,shipping_country,refunded_amount,disputed,"
                              "dispute_reason,fraud\n"
                              "2026-02-01T10:00:00Z,12.00,EUR,approved,c1,visa,FR,,,,,,,,false,,\n"
                              "2026-02-30T10:00:00Z,12.345,EUR,approved,c1,visa,FR,,,,,,,,false,,\n"
                              "2026-02-02T10:00:00Z,3.00,EUX,refunded,c1,visa,FR,,,,,,,,no,,\n");
    const Run r = inStore({u"payments"_s, u"import-history"_s, bad});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"line 3, created_at"_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"line 3, amount"_s));
    QVERIFY(r.err.contains(u"line 4, currency"_s));
    QVERIFY(r.err.contains(u"line 4, outcome"_s));
    QVERIFY(r.err.contains(u"line 4, disputed"_s));
    QVERIFY(r.err.contains(u"nothing was imported"_s));
    QCOMPARE(assessments(), before);
    const Run missing = inStore({u"payments"_s, u"import-history"_s, m_dir.filePath(u"nowhere.csv"_s)});
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains(u"FILE"_s));
}

void TestSoukctlRiskHistory::badRulesAndOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    const QString rules = m_dir.filePath(u"typo.txt"_s);
    QFile f(rules);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Block if :amount: > 5\nReview if :ammount: > 3\n");
    f.close();
    QTest::newRow("typo") << QStringList{u"rules"_s, u"backtest"_s, rules} << 1 << u"typo.txt:2:11:"_s;
    QTest::newRow("from") << QStringList{u"rules"_s, u"backtest"_s, rules, u"--from"_s, u"yesterday"_s} << 1
                          << u"--from"_s;
    QTest::newRow("model") << QStringList{u"risk"_s, u"train"_s, u"--model"_s, u"forest"_s} << 1 << u"--model"_s;
    QTest::newRow("until") << QStringList{u"risk"_s, u"train"_s, u"--until"_s, u"1970-01-02"_s} << 1 << u"--until"_s;
    QTest::newRow("window") << QStringList{u"risk"_s, u"evaluate"_s, u"--from"_s, u"2026-03-01"_s, u"--to"_s,
                                           u"2026-02-01"_s}
                            << 1 << u"--to"_s;
    QTest::newRow("threshold") << QStringList{u"risk"_s, u"evaluate"_s, u"--from"_s, u"2026-03-01"_s, u"--to"_s,
                                              u"2026-04-01"_s, u"--threshold"_s, u"101"_s}
                               << 1 << u"--threshold"_s;
    QTest::newRow("version") << QStringList{u"risk"_s, u"activate"_s, u"seven"_s} << 1 << u"VERSION"_s;
    QTest::newRow("unknown version") << QStringList{u"risk"_s, u"activate"_s, u"99"_s} << 1 << u"no model 99"_s;
    QTest::newRow("verb") << QStringList{u"risk"_s, u"forget"_s} << 2 << u"train"_s;
}

void TestSoukctlRiskHistory::badRulesAndOptions()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, says);
    const Run r = inStore(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestSoukctlRiskHistory)
#include "TestSoukctlRiskHistory.moc"
