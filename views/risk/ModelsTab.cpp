#include "views/risk/ModelsTab.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/risk/ModelListModel.h"
#include "models/risk/RiskRights.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/risk/ModelChartsPanel.h"
#include "views/risk/ModelSummaryPanel.h"
#include "views/risk/TrainModelDialog.h"

using namespace Qt::StringLiterals;

namespace souk {

ModelsTab::ModelsTab(Client& client, MessageBar& messageBar, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_client(client), m_messageBar(messageBar), m_clock(clock),
      m_mayTrain(RiskRights::of(client.principal()).trainModels),
      m_mayActivate(RiskRights::of(client.principal()).activateModels)
{
    setObjectName(u"modelsTab"_s);
    m_model = new ModelListModel(client, this);

    m_train = new QPushButton(tr("&Train model…"), this);
    m_train->setObjectName(u"trainModelButton"_s);
    m_train->setToolTip(tr("Trains a new model on the payment history; it scores nothing until activated"));
    m_activate = new QPushButton(tr("&Activate"), this);
    m_activate->setObjectName(u"activateModelButton"_s);
    m_activate->setToolTip(tr("Makes the selected model score every payment from now on"));
    m_stop = new QPushButton(tr("&Stop scoring"), this);
    m_stop->setObjectName(u"stopScoringButton"_s);
    m_stop->setToolTip(tr("No model scores payments until one is activated again"));
    m_train->setVisible(m_mayTrain);
    m_activate->setVisible(m_mayActivate);
    m_stop->setVisible(m_mayActivate);
    connect(m_train, &QPushButton::clicked, this, &ModelsTab::openTrainDialog);
    connect(m_activate, &QPushButton::clicked, this, [this] { activate(m_version); });
    connect(m_stop, &QPushButton::clicked, this, [this] { activate(0); });

    m_progressRow = new QWidget(this);
    m_progressRow->setObjectName(u"trainingRow"_s);
    m_progressText = new QLabel(m_progressRow);
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setObjectName(u"trainingProgress"_s);
    m_cancel = new QPushButton(tr("Cancel"), m_progressRow);
    m_cancel->setObjectName(u"cancelTrainingButton"_s);
    m_cancel->setToolTip(tr("Stops the training; nothing is kept (Escape)"));
    connect(m_cancel, &QPushButton::clicked, this, &ModelsTab::cancelTraining);
    auto* progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progressText);
    progressLayout->addWidget(m_progress, 1);
    progressLayout->addWidget(m_cancel);
    m_progressRow->hide();
    m_escape = new QShortcut(Qt::Key_Escape, this);
    m_escape->setContext(Qt::WidgetWithChildrenShortcut);
    m_escape->setEnabled(false);
    connect(m_escape, &QShortcut::activated, this, &ModelsTab::cancelTraining);
    m_progressTimer.setInterval(ProgressPollMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &ModelsTab::pollProgress);

    // nothing trained yet: what a model is for, and the way to the first one
    auto* empty = new QWidget(this);
    m_emptyText = new QLabel(empty);
    m_emptyText->setObjectName(u"modelsEmptyText"_s);
    m_emptyText->setWordWrap(true);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setText(
        m_mayTrain ? tr("No models yet. Train one on your payment history: it learns from the payments before a "
                        "cut-off date and is tested on those after it, so you can see how much fraud it would "
                        "have caught before it scores a single payment.")
                   : tr("No models yet. An operator or administrator can train one on the payment history."));
    m_emptyTrain = new QPushButton(tr("Train a model…"), empty);
    m_emptyTrain->setObjectName(u"emptyTrainButton"_s);
    m_emptyTrain->setVisible(m_mayTrain);
    connect(m_emptyTrain, &QPushButton::clicked, this, &ModelsTab::openTrainDialog);
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addWidget(m_emptyTrain, 0, Qt::AlignCenter);
    emptyLayout->addStretch(2);
    m_emptyText->setMaximumWidth(640);
    emptyLayout->setAlignment(m_emptyText, Qt::AlignHCenter);

    m_table = new QTableView(this);
    m_table->setObjectName(u"modelsTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_compare = new QComboBox(this);
    m_compare->setObjectName(u"compareCombo"_s);
    m_compare->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_compare, &QComboBox::activated, this, &ModelsTab::showCharts);
    auto* compareLabel = new QLabel(tr("&Compare with:"), this);
    compareLabel->setBuddy(m_compare);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_train);
    actions->addWidget(m_activate);
    actions->addWidget(m_stop);
    actions->addStretch(1);
    actions->addWidget(compareLabel);
    actions->addWidget(m_compare);
    m_charts = new ModelChartsPanel(this);
    m_summary = new ModelSummaryPanel(this);

    // the list and what the selected model does at its threshold, over its curves: the list keeps
    // its columns and the two charts get the page's width
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_table);
    top->addWidget(m_summary);
    top->setStretchFactor(0, 1); // the list takes what the counts leave
    top->setStretchFactor(1, 0);
    top->setChildrenCollapsible(false);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_charts);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(splitter);
    m_stack->addWidget(empty);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(actions);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_stack, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ModelsTab::onCurrentChanged);
    connect(m_model, &ModelListModel::dataChanged, this, [this] {
        fillCompareCombo();
        showCharts();
        updateActions();
    });
    connect(m_model, &ModelListModel::loaded, this, &ModelsTab::onLoaded);
    updateActions();
    m_model->reload();
}

void ModelsTab::onLoaded()
{
    if (const auto& error = m_model->loadError()) {
        m_messageBar.showError(*error);
        m_messageBar.setAction(tr("Read again"), [this] { m_model->reload(); });
    }
    m_stack->setCurrentIndex(m_model->rowCount() == 0 && m_model->isLoaded() && !m_model->loadError() ? 1 : 0);
    if (m_pendingSelect != 0)
        selectVersion(std::exchange(m_pendingSelect, 0));
    else if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        selectVersion(m_model->activeVersion() != 0 ? m_model->activeVersion() : m_model->modelAt(0).version);
    fillCompareCombo();
    showCharts();
    updateActions();
}

void ModelsTab::selectVersion(qint64 version)
{
    const int row = m_model->rowOf(version);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void ModelsTab::onCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    m_version = current.isValid() ? m_model->modelAt(current.row()).version : 0;
    // compare with the model that scores now, the one the selected would replace
    const qint64 active = m_model->activeVersion();
    fillCompareCombo();
    const int compareIndex = m_compare->findData(active != m_version ? active : 0);
    m_compare->setCurrentIndex(std::max(compareIndex, 0));
    showCharts();
    updateActions();
}

void ModelsTab::fillCompareCombo()
{
    const qint64 chosen = m_compare->currentData().toLongLong();
    m_compare->clear();
    m_compare->addItem(tr("No other model", "compare with"), qint64(0));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const risk::ModelVersion& m = m_model->modelAt(row);
        if (m.version == m_version || !m.evaluation)
            continue; // itself, or nothing to draw
        //: a model to compare with; %1 names the model, %2 is its AUC
        QString text =
            tr("%1 · AUC %2").arg(ModelListModel::modelName(m), QLocale().toString(m.auc.value_or(0), 'f', 3));
        if (m.active)
            text = tr("%1 (active)", "compare with").arg(text);
        m_compare->addItem(text, m.version);
    }
    m_compare->setCurrentIndex(std::max(m_compare->findData(chosen), 0));
    m_compare->setEnabled(m_compare->count() > 1);
}

void ModelsTab::showCharts()
{
    const int row = m_model->rowOf(m_version);
    const int compareRow = m_model->rowOf(m_compare->currentData().toLongLong());
    const risk::ModelVersion* shown = row >= 0 ? &m_model->modelAt(row) : nullptr;
    m_summary->showModel(shown);
    m_charts->showModel(shown, compareRow >= 0 ? &m_model->modelAt(compareRow) : nullptr);
}

void ModelsTab::updateActions()
{
    const qint64 active = m_model->activeVersion();
    m_train->setEnabled(!m_training);
    m_escape->setEnabled(m_training != nullptr);
    m_emptyTrain->setEnabled(!m_training);
    m_activate->setEnabled(m_version != 0 && m_version != active);
    m_stop->setEnabled(active != 0);
}

void ModelsTab::openTrainDialog()
{
    if (!m_mayTrain || m_training)
        return;
    auto* dialog = new TrainModelDialog(m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { train(dialog->kind(), dialog->untilMs(), dialog->requestKey()); });
    dialog->open();
}

void ModelsTab::train(const QString& kind, qint64 untilMs, const QString& key)
{
    m_messageBar.clearMessage();
    auto progress = std::make_shared<TaskProgress>();
    m_training = progress;
    //: %1 is the kind of model, e.g. "Gradient-boosted trees"
    m_progressText->setText(tr("Training: %1…").arg(ModelListModel::kindName(kind)));
    m_progress->setRange(0, 0); // busy until the first count arrives (a node sends none)
    m_cancel->setEnabled(true);
    m_progressRow->show();
    m_progressTimer.start();
    updateActions();
    onReady(m_client.trainRiskModel(kind, untilMs, progress, key), this,
            [this, progress](const Result<risk::ModelVersion>& result) {
                if (progress != m_training)
                    return;
                finishTraining(result);
            });
}

void ModelsTab::pollProgress()
{
    if (!m_training)
        return;
    const qint64 total = m_training->total.load();
    if (total <= 0)
        return; // a node does not count: the bar stays busy
    m_progress->setRange(0, int(total));
    m_progress->setValue(int(std::min(m_training->done.load(), total)));
}

void ModelsTab::cancelTraining()
{
    if (!m_training)
        return;
    m_training->cancelRequested = true;
    m_cancel->setEnabled(false);
    m_progressText->setText(tr("Cancelling…"));
}

void ModelsTab::finishTraining(const Result<risk::ModelVersion>& result)
{
    m_training.reset();
    m_progressTimer.stop();
    m_progressRow->hide();
    updateActions();
    if (!result) {
        if (result.error().code == ErrorCode::Cancelled)
            m_messageBar.showInfo(tr("Training cancelled; no model was kept."));
        else if (result.error().field == u"untilMs")
            m_messageBar.showError(tr("Cut-off date: the model needs fraud and good payments before the cut-off to "
                                      "learn from. Choose another date."),
                                   errorDetails(result.error()));
        else
            showCommandError(result.error());
        emit commandDone();
        return;
    }
    const risk::ModelVersion& m = *result;
    if (m.auc)
        //: %1 names the model, %2 its AUC, %3 the number of payments it was evaluated on
        m_messageBar.showSuccess(tr("%1 trained: AUC %2 on the %3 payments after the cut-off. Activate it to score "
                                    "payments with it.")
                                     .arg(ModelListModel::modelName(m), QLocale().toString(*m.auc, 'f', 3),
                                          QLocale().toString(qlonglong(m.evalRows))));
    else
        m_messageBar.showSuccess(tr("%1 trained. It could not be evaluated: the payments after the cut-off had no "
                                    "fraud or no good payments.")
                                     .arg(ModelListModel::modelName(m)));
    m_pendingSelect = m.version;
    m_model->reload();
    emit commandDone();
}

void ModelsTab::activate(qint64 version)
{
    const int row = m_model->rowOf(version);
    const int activeRow = m_model->rowOf(m_model->activeVersion());
    const risk::ModelVersion* chosen = row >= 0 ? &m_model->modelAt(row) : nullptr;
    const risk::ModelVersion* active = activeRow >= 0 ? &m_model->modelAt(activeRow) : nullptr;
    QString question;
    if (version == 0 && active)
        //: %1 names the model, e.g. "Model 2 (logistic regression)"
        question = tr("%1 will stop scoring payments from now on, and no model will replace it.")
                       .arg(ModelListModel::modelName(*active));
    else if (chosen && active)
        //: %1 names the new model, %2 is the version number of the one it replaces
        question = tr("%1 will score every payment from now on, replacing model %2.")
                       .arg(ModelListModel::modelName(*chosen))
                       .arg(active->version);
    else if (chosen)
        question = tr("%1 will score every payment from now on.").arg(ModelListModel::modelName(*chosen));
    else
        return;
    const bool stop = version == 0;
    if (!Dialogs::confirm(this, stop ? tr("Stop scoring") : tr("Activate model"), question,
                          stop ? tr("Stop scoring") : tr("Activate")))
        return;
    m_messageBar.clearMessage();
    m_activate->setEnabled(false);
    m_stop->setEnabled(false);
    const QString key = m_activateKey.keyFor(QByteArray::number(version));
    onReady(m_client.activateRiskModel(version, key), this, [this, version](const Result<risk::ModelVersion>& r) {
        if (!r) {
            showCommandError(r.error());
            updateActions();
            emit commandDone();
            return;
        }
        m_activateKey = RequestKey(QStringLiteral("risk-model-activate-")); // answered: the next is a new request
        const int row = m_model->rowOf(version);
        if (version == 0)
            m_messageBar.showSuccess(tr("No model scores payments now."));
        else
            m_messageBar.showSuccess(
                tr("%1 scores every payment now.")
                    .arg(row >= 0 ? ModelListModel::modelName(m_model->modelAt(row)) : QString::number(version)));
        m_pendingSelect = version != 0 ? version : m_version;
        m_model->reload();
        emit commandDone();
    });
}

void ModelsTab::showCommandError(const Error& error)
{
    m_messageBar.showError(errorTextWithField(error), errorDetails(error));
}

} // namespace souk
