#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// `souk --help`, `--version` and bad values where there is no display (ssh, CI, a script): they
/// answer on the terminal before the console would need a window system; Qt's own options
/// (-platform) still work.
class TestSoukHelp final : public QObject
{
    Q_OBJECT

private slots:
    void answersWithoutDisplay_data();
    void answersWithoutDisplay();

private:
    QTemporaryDir m_dir;
};

void TestSoukHelp::answersWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutHas");
    QTest::addColumn<QString>("stderrHas");
    QTest::addRow("--help") << QStringList{u"--help"_s} << 0 << u"--store <FILE>"_s << QString();
    QTest::addRow("-h") << QStringList{u"-h"_s} << 0 << u"--demo-rate <RATE>"_s << QString();
    QTest::addRow("--version") << QStringList{u"--version"_s} << 0 << u"souk " SOUK_VERSION_STRING ""_s << QString();
    QTest::addRow("bad language") << QStringList{u"--lang"_s, u"xx"_s} << 2 << QString() << u"--lang"_s;
    QTest::addRow("bad rate") << QStringList{u"--demo"_s, u"--demo-rate"_s, u"0"_s} << 2 << QString()
                              << u"--demo-rate"_s;
    QTest::addRow("a cluster, one node not https")
        << QStringList{u"--connect"_s, u"https://a:8443,http://b:8443"_s} << 2 << QString() << u"http://b:8443"_s;
    QTest::addRow("a cluster, one node twice")
        << QStringList{u"--connect"_s, u"https://a:8443,https://a:8443"_s} << 2 << QString() << u"twice"_s;
    QTest::addRow("bad spread") << QStringList{u"--connect"_s, u"https://a:8443,https://b:8443"_s, u"--spread"_s,
                                               u"random"_s}
                                << 2 << QString() << u"--spread"_s;
    QTest::addRow("spread without connect")
        << QStringList{u"--spread"_s, u"by-merchant"_s} << 2 << QString() << u"--spread goes with --connect"_s;
    // Qt's own options still reach QApplication (here it needs no display either)
    QTest::addRow("Qt option, --version")
        << QStringList{u"-platform"_s, u"offscreen"_s, u"--version"_s} << 0 << u"souk "_s << QString();
    // not -v (version) nor -h (help)
    QTest::addRow("Qt options are not ours")
        << QStringList{u"-platform"_s, u"offscreen"_s, u"-reverse"_s, u"-platformtheme"_s,
                       u"none"_s,      u"--lang"_s,    u"xx"_s}
        << 2 << QString() << u"--lang"_s;
    QTest::addRow("Qt option, bad language")
        << QStringList{u"-platform"_s, u"offscreen"_s, u"--lang"_s, u"xx"_s} << 2 << QString() << u"--lang"_s;
    QTest::addRow("Qt option, unknown option")
        << QStringList{u"-platform"_s, u"offscreen"_s, u"--frobnicate"_s} << 1 << QString() << u"frobnicate"_s;
}

void TestSoukHelp::answersWithoutDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutHas);
    QFETCH(QString, stderrHas);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // no window system at all, and none chosen
    for (const QString& name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
        env.remove(name);
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s)); // never the user's own store or settings
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    QProcess souk;
    souk.setProcessEnvironment(env);
    souk.start(QStringLiteral(SOUK_PATH), arguments);
    QVERIFY(souk.waitForFinished(30000));
    const QString out = QString::fromLocal8Bit(souk.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(souk.readAllStandardError());
    QVERIFY2(souk.exitStatus() == QProcess::NormalExit, qPrintable(err));
    QVERIFY2(souk.exitCode() == exitCode, qPrintable(u"exit code %1\n"_s.arg(souk.exitCode()) + err));
    QVERIFY2(out.contains(stdoutHas), qPrintable(out));
    QVERIFY2(err.contains(stderrHas), qPrintable(err));
    QVERIFY2(!err.contains(u"display"_s, Qt::CaseInsensitive), qPrintable(err)); // never asked for one
}

QTEST_GUILESS_MAIN(TestSoukHelp)
#include "TestSoukHelp.moc"
