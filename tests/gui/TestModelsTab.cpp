#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <qcustomplot.h>

#include "backend/core/Clock.h"
#include "backend/engine/Engine.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/history/FraudSimulator.h"
#include "models/common/Theme.h"
#include "models/risk/ModelListModel.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/risk/ModelChartsPanel.h"
#include "views/risk/ModelsTab.h"
#include "views/risk/TrainModelDialog.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {
namespace {

constexpr qint64 DayMs = 86'400'000;
constexpr int TrainTimeoutMs = 60'000;

/// Points drawn by every curve of `plot` (the chance line has 2, a threshold marker 1).
QList<int> curveSizes(QCustomPlot* plot)
{
    QList<int> sizes;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        if (auto* curve = qobject_cast<QCPCurve*>(plot->plottable(i)))
            sizes.append(curve->data()->size());
    }
    return sizes;
}

} // namespace

/// The Models tab on a real store holding a simulated payment history, with real clicks and keys:
/// a model trained through the dialog is listed, selected and drawn (its confusion counts add up to
/// the payments it was judged on); a cancelled training keeps nothing; activation asks, then moves
/// the active marker; support staff see the models but neither Train nor Activate.
class TestModelsTab final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStoreInvitesTraining();
    void trainThroughTheDialog();
    void cancelKeepsNothing();
    void activateAsksAndMovesTheMarker();
    void supportSeesNoTrainOrActivate();
    void screenshots();

private:
    void importHistory();
    void open(LocalClient& client);
    TrainModelDialog* trainDialog() const { return m_tab->findChild<TrainModelDialog*>(); }
    QPushButton* button(const QString& name) const { return m_tab->findChild<QPushButton*>(name); }
    QTableView* table() const { return m_tab->findChild<QTableView*>(u"modelsTable"_s); }
    void clickRow(int row)
    {
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                          table()->visualRect(table()->model()->index(row, 0)).center());
    }
    qint64 trainDirectly(const QString& kind);
    int storedModels();

    std::vector<risk::SimulatedPayment> m_history;
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<QWidget> m_window;
    ModelsTab* m_tab = nullptr;
    MessageBar* m_bar = nullptr;
};

void TestModelsTab::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    // four months of one merchant's payments up to yesterday: the dialog's default cut-off (thirty
    // days ago) leaves fraud and good payments on both sides
    risk::FraudSimulatorOptions options;
    options.merchants = 1;
    options.payments = 6000;
    options.toMs = SystemClock::instance().nowMs() - DayMs;
    options.fromMs = options.toMs - 120 * DayMs;
    options.currencies = {u"EUR"_s};
    auto simulated = risk::FraudSimulator::generate(options);
    QVERIFY2(simulated, qPrintable(simulated ? QString() : simulated.error().toString()));
    m_history = std::move(*simulated);
}

void TestModelsTab::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
}

void TestModelsTab::cleanup()
{
    Dialogs::setNextAnswer(std::nullopt);
    m_window.reset();
    m_tab = nullptr;
    m_f.reset();
}

void TestModelsTab::importHistory()
{
    auto imported = StoreFixture::wait(m_f->client().engine().write<risk::HistoryImportSummary>(
        m_f->client().actor(), [rows = risk::FraudSimulator::payments(m_history), merchant = m_f->merchantId()](
                                   store::UnitOfWork& uow) { return risk::HistoryImport::run(uow, merchant, rows); }));
    QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().toString()));
}

void TestModelsTab::open(LocalClient& client)
{
    m_window = std::make_unique<QWidget>();
    m_bar = new MessageBar(m_window.get());
    m_tab = new ModelsTab(client, *m_bar, SystemClock::instance(), m_window.get());
    auto* layout = new QVBoxLayout(m_window.get());
    layout->addWidget(m_bar);
    layout->addWidget(m_tab, 1);
    m_window->resize(1500, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY(m_tab->model()->isLoaded());
}

qint64 TestModelsTab::trainDirectly(const QString& kind)
{
    auto trained = StoreFixture::wait(m_f->client().trainRiskModel(kind, 0, nullptr, test::newKey()));
    if (!trained)
        qWarning().noquote() << trained.error().toString();
    return trained ? trained->version : 0;
}

int TestModelsTab::storedModels()
{
    auto models = StoreFixture::wait(m_f->client().riskModels());
    return models ? int(models->size()) : -1;
}

void TestModelsTab::emptyStoreInvitesTraining()
{
    open(m_f->client());
    QLabel* text = m_tab->findChild<QLabel*>(u"modelsEmptyText"_s);
    QVERIFY(text->isVisible());
    QVERIFY(text->text().startsWith(u"No models yet. Train one on your payment history"_s));
    QVERIFY(!table()->isVisible());
    QTest::mouseClick(button(u"emptyTrainButton"_s), Qt::LeftButton);
    QTRY_VERIFY(trainDialog() && trainDialog()->isVisible());
    // the default cut-off is thirty days ago
    const QDate today = QDate::currentDate();
    QCOMPARE(trainDialog()->findChild<QDateEdit*>(u"cutOffEdit"_s)->date(), today.addDays(-30));
    QTest::keyClick(trainDialog(), Qt::Key_Escape);
    QTRY_VERIFY(!trainDialog() || !trainDialog()->isVisible());
    QVERIFY(!m_tab->isTraining());
}

void TestModelsTab::trainThroughTheDialog()
{
    importHistory();
    open(m_f->client());
    QTest::mouseClick(button(u"trainModelButton"_s), Qt::LeftButton);
    QTRY_VERIFY(trainDialog() && trainDialog()->isVisible());
    auto* kind = trainDialog()->findChild<QComboBox*>(u"modelKindCombo"_s);
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down); // gradient-boosted trees → logistic regression
    QCOMPARE(trainDialog()->kind(), u"lr"_s);
    QTest::keyClick(kind, Qt::Key_Up);
    QCOMPARE(trainDialog()->kind(), u"gbdt"_s);
    QTest::mouseClick(trainDialog()->findChild<QPushButton*>(u"trainButton"_s), Qt::LeftButton);

    // training: the progress row is up, Train waits for it, the GUI thread keeps turning
    QVERIFY(m_tab->isTraining());
    QVERIFY(m_tab->findChild<QWidget*>(u"trainingRow"_s)->isVisible());
    QVERIFY(!button(u"trainModelButton"_s)->isEnabled());
    int progressMax = 0;
    QElapsedTimer waited;
    waited.start();
    while (m_tab->isTraining() && waited.elapsed() < TrainTimeoutMs) {
        QTest::qWait(5);
        progressMax = std::max(progressMax, m_tab->findChild<QProgressBar*>(u"trainingProgress"_s)->maximum());
    }
    QVERIFY(!m_tab->isTraining());
    QVERIFY2(m_bar->kind() == MessageBar::Kind::Success, qPrintable(m_bar->headline() + u' ' + m_bar->details()));
    QVERIFY(!m_tab->findChild<QWidget*>(u"trainingRow"_s)->isVisible());
    qInfo("training took %lld ms; the bar counted to %d", waited.elapsed(), progressMax);

    // the new version is listed and selected
    QTRY_COMPARE(m_tab->model()->rowCount(), 1);
    QTRY_COMPARE(m_tab->currentVersion(), m_tab->model()->modelAt(0).version);
    QCOMPARE(storedModels(), 1);
    const risk::ModelVersion& m = m_tab->model()->modelAt(0);
    QCOMPARE(m.kind, u"gbdt"_s);
    QVERIFY(table()->isVisible());
    QCOMPARE(table()->model()->index(0, ModelListModel::Kind).data().toString(), u"Gradient-boosted trees"_s);
    QVERIFY2(m.evaluation, "the simulated month after the cut-off has fraud and good payments");

    // both charts draw its curve, point for point, beside the chance line
    const int points = int(m.evaluation->curve.size());
    QVERIFY(points > 2);
    QVERIFY(curveSizes(m_tab->charts()->rocPlot()).contains(points));
    QVERIFY(curveSizes(m_tab->charts()->precisionRecallPlot()).contains(points));
    QVERIFY(curveSizes(m_tab->charts()->rocPlot()).contains(2)); // the diagonal
    QVERIFY(m_tab->charts()->findChild<QCustomPlot*>(u"rocPlot"_s)->isVisible());

    // the four cells count every payment it was judged on, fraud and good apart
    const auto count = [this](const char* name) {
        return m_tab->findChild<QLabel*>(QString::fromLatin1(name))->property("count").toLongLong();
    };
    QCOMPARE(count("fraudCaught") + count("fraudMissed"), m.evalPositives);
    QCOMPARE(count("fraudCaught") + count("fraudMissed") + count("goodFlagged") + count("goodPassed"), m.evalRows);
    QVERIFY(count("fraudCaught") > 0);
    QVERIFY(m_tab->findChild<QLabel*>(u"fraudCaught"_s)->text().contains(u"Fraud caught"_s));

    // the wheel zooms into the low false positive rates; a double click shows the whole curve
    QCustomPlot* roc = m_tab->charts()->rocPlot();
    const QPointF nearOrigin = roc->axisRect()->rect().bottomLeft() + QPointF(10, -10);
    QWheelEvent wheel(nearOrigin, roc->mapToGlobal(nearOrigin), {}, {0, 120 * 4}, Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(roc, &wheel);
    QVERIFY2(roc->xAxis->range().size() < 60, qPrintable(QString::number(roc->xAxis->range().size())));
    QTest::mouseDClick(roc, Qt::LeftButton, {}, roc->axisRect()->rect().center());
    QCOMPARE(roc->xAxis->range().size(), 104.0);
}

void TestModelsTab::cancelKeepsNothing()
{
    importHistory();
    open(m_f->client());
    QTest::mouseClick(button(u"trainModelButton"_s), Qt::LeftButton);
    QTRY_VERIFY(trainDialog() && trainDialog()->isVisible());
    QTest::mouseClick(trainDialog()->findChild<QPushButton*>(u"trainButton"_s), Qt::LeftButton);
    QVERIFY(m_tab->isTraining());
    // Escape, as soon as the training has started: before the first progress report
    table()->setFocus();
    QTest::keyClick(table(), Qt::Key_Escape);
    QVERIFY(!m_tab->findChild<QPushButton*>(u"cancelTrainingButton"_s)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!m_tab->isTraining(), TrainTimeoutMs);
    QCOMPARE(m_bar->headline(), u"Training cancelled; no model was kept."_s);
    QCOMPARE(storedModels(), 0);
    QCOMPARE(m_tab->model()->rowCount(), 0);
    QVERIFY(button(u"trainModelButton"_s)->isEnabled());
}

void TestModelsTab::activateAsksAndMovesTheMarker()
{
    importHistory();
    const qint64 first = trainDirectly(u"lr"_s);
    const qint64 second = trainDirectly(u"gbdt"_s);
    QVERIFY(first != 0 && second != 0);
    QVERIFY(StoreFixture::wait(m_f->client().activateRiskModel(first, test::newKey())));
    open(m_f->client());
    QCOMPARE(m_tab->model()->rowCount(), 2);
    QCOMPARE(m_tab->currentVersion(), first); // the active one is shown first
    QVERIFY(!button(u"activateModelButton"_s)->isEnabled());

    // the newer model, compared with the active one
    clickRow(m_tab->model()->rowOf(second));
    QCOMPARE(m_tab->currentVersion(), second);
    QCOMPARE(m_tab->findChild<QComboBox*>(u"compareCombo"_s)->currentData().toLongLong(), first);
    QCOMPARE(curveSizes(m_tab->charts()->rocPlot()).size(), 3); // chance, the active one dashed, this one

    // declined: nothing changes
    Dialogs::setNextAnswer(false);
    QTest::mouseClick(button(u"activateModelButton"_s), Qt::LeftButton);
    QVERIFY(!Dialogs::hasPendingAnswer());
    QTest::qWait(100);
    QCOMPARE(m_tab->model()->activeVersion(), first);

    Dialogs::setNextAnswer(true);
    QTest::mouseClick(button(u"activateModelButton"_s), Qt::LeftButton);
    QTRY_COMPARE(m_tab->model()->activeVersion(), second);
    const int row = m_tab->model()->rowOf(second);
    QCOMPARE(table()->model()->index(row, ModelListModel::State).data().toString(), u"● Active"_s);
    QCOMPARE(table()->model()->index(m_tab->model()->rowOf(first), ModelListModel::State).data().toString(), QString());
    QVERIFY(m_bar->headline().contains(u"scores every payment now"_s));
    QVERIFY(!button(u"activateModelButton"_s)->isEnabled());

    // and off again
    Dialogs::setNextAnswer(true);
    QTest::mouseClick(button(u"stopScoringButton"_s), Qt::LeftButton);
    QTRY_COMPARE(m_tab->model()->activeVersion(), 0);
    QVERIFY(!button(u"stopScoringButton"_s)->isEnabled());
    auto models = StoreFixture::wait(m_f->client().riskModels());
    QVERIFY(models);
    for (const risk::ModelVersion& m : *models)
        QVERIFY(!m.active);
}

void TestModelsTab::supportSeesNoTrainOrActivate()
{
    importHistory();
    QVERIFY(trainDirectly(u"lr"_s) != 0);
    auth::Principal p = m_f->client().principal();
    p.userName = u"sam"_s;
    p.role = auth::Role::Support;
    p.via = auth::Via::Session;
    p.merchantId = {};
    auto support = m_f->client().actingAs(p);
    open(*support);
    QCOMPARE(m_tab->model()->rowCount(), 1); // support reads the models
    QVERIFY(m_tab->findChild<QCustomPlot*>(u"rocPlot"_s)->isVisible());
    QVERIFY(!button(u"trainModelButton"_s)->isVisible());
    QVERIFY(!button(u"activateModelButton"_s)->isVisible());
    QVERIFY(!button(u"stopScoringButton"_s)->isVisible());
    m_tab->openTrainDialog(); // and no way around the hidden button
    QVERIFY(!trainDialog());
    m_window.reset();
}

void TestModelsTab::screenshots()
{
    const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SOUK_SCREENSHOT_DIR not set");
    importHistory();
    const qint64 first = trainDirectly(u"lr"_s);
    QVERIFY(first != 0 && trainDirectly(u"gbdt"_s) != 0);
    QVERIFY(StoreFixture::wait(m_f->client().activateRiskModel(first, test::newKey())));
    const QPalette light = QApplication::palette();
    for (const QString& lang : {u"en"_s, u"zh_CN"_s}) {
        QLocale::setDefault(QLocale(lang));
        QVERIFY(souk::installTranslator(QLocale(lang)));
        for (const bool dark : {false, true}) {
            QApplication::setPalette(dark ? theme::darkPalette() : light);
            open(m_f->client());
            clickRow(0);
            QTest::qWait(200);
            QVERIFY(m_window->grab().save(u"%1/models-%2%3.png"_s.arg(dir, lang, dark ? u"-dark"_s : QString())));
            if (!dark) {
                QTest::mouseClick(button(u"trainModelButton"_s), Qt::LeftButton);
                QTRY_VERIFY(trainDialog() && trainDialog()->isVisible());
                QVERIFY(trainDialog()->grab().save(u"%1/train-model-%2.png"_s.arg(dir, lang)));
                trainDialog()->reject();
            }
            m_window.reset();
        }
    }
    QApplication::setPalette(light);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
}

} // namespace souk

QTEST_MAIN(souk::TestModelsTab)
#include "TestModelsTab.moc"
