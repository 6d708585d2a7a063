#include "views/risk/RulesTab.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QUuid>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/common/Theme.h"
#include "models/risk/RiskText.h"
#include "models/risk/RuleSetListModel.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/common/ToneText.h"
#include "views/risk/BacktestPanel.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int LineRole = Qt::UserRole;
constexpr int ColumnRole = Qt::UserRole + 1;

QString newKey(const QString& prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// rules are code: the example stays as the engine reads it, in every language
const QString ExampleRules = u"Allow if :email: in @trusted_customers\n"
                             "Block if :card_country: != :ip_country: and :amount: > 300\n"
                             "Review if :card_payments_1h: >= 3"_s;

} // namespace

RulesTab::RulesTab(Client& client, const Clock& clock, MessageBar& messageBar, QWidget* parent)
    : QWidget(parent), m_client(client), m_messageBar(messageBar), m_rights(RiskRights::of(client.principal()))
{
    setObjectName(u"rulesTab"_s);
    m_model = new RuleSetListModel(client, this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"ruleSetsTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // sized to the rows after each read (see onLoaded); the note, last, takes the spare width
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(buildEditorColumn(clock));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(CheckDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &RulesTab::checkNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &RulesTab::scheduleCheck);
    auto* saveKey = new QShortcut(QKeySequence::Save, this);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &RulesTab::save);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RulesTab::onCurrentChanged);
    connect(m_model, &RuleSetListModel::dataChanged, this, &RulesTab::updateActions);
    connect(m_model, &RuleSetListModel::loaded, this, &RulesTab::onLoaded);
    checkNow();
    m_model->reload();
}

QWidget* RulesTab::buildEditorColumn(const Clock& clock)
{
    m_title = new QLabel(this);
    m_title->setObjectName(u"versionTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_emptyHint = new QLabel(this);
    m_emptyHint->setObjectName(u"rulesEmptyHint"_s);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setTextFormat(Qt::RichText);
    m_emptyHint->hide();
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(u"rulesEditor"_s);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    m_editor->setReadOnly(!m_rights.saveRules);
    //: the rule editor's placeholder; %1 is example rules (code, not translated)
    m_editor->setPlaceholderText(tr("One rule a line, for example:\n\n%1").arg(ExampleRules));
    m_parseStatus = new QLabel(this);
    m_parseStatus->setObjectName(u"parseStatus"_s);
    m_parseStatus->setWordWrap(true);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(u"problemsList"_s);
    m_problems->setMaximumHeight(m_problems->fontMetrics().lineSpacing() * 5);
    m_problems->setWordWrap(true);
    m_problems->hide();
    connect(m_problems, &QListWidget::itemActivated, this, &RulesTab::goToProblem);
    connect(m_problems, &QListWidget::itemClicked, this, &RulesTab::goToProblem);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_emptyHint);
    rightLayout->addWidget(m_editor, 1);
    rightLayout->addWidget(m_parseStatus);
    rightLayout->addWidget(m_problems);
    rightLayout->addLayout(buildCommandRows());
    if (m_rights.backtestRules) {
        m_backtest = new BacktestPanel(
            m_client, clock, m_messageBar, [this] { return textToTest(); }, this);
        rightLayout->addWidget(m_backtest); // as tall as it needs: the editor takes the rest
    }
    return right;
}

QLayout* RulesTab::buildCommandRows()
{
    m_note = new QLineEdit(this);
    m_note->setObjectName(u"noteEdit"_s);
    m_note->setPlaceholderText(tr("Note: what changed and why (optional)"));
    m_note->setMaxLength(500);
    m_save = new QPushButton(tr("&Save as draft"), this);
    m_save->setObjectName(u"saveButton"_s);
    m_save->setToolTip(tr("Saves the text as a new draft version (Ctrl+S)"));
    m_activate = new QPushButton(this);
    m_activate->setObjectName(u"activateButton"_s);
    m_shadow = new QPushButton(this);
    m_shadow->setObjectName(u"shadowButton"_s);
    m_shadow->setToolTip(tr("A draft in shadow is judged beside the active rules on live payments and logged "
                            "with them, acting on nothing."));
    m_note->setVisible(m_rights.saveRules);
    m_save->setVisible(m_rights.saveRules);
    m_activate->setVisible(m_rights.activateRules);
    connect(m_save, &QPushButton::clicked, this, &RulesTab::save);
    connect(m_activate, &QPushButton::clicked, this, &RulesTab::activate);
    connect(m_shadow, &QPushButton::clicked, this, &RulesTab::toggleShadow);

    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(m_note, 1);
    saveRow->addWidget(m_save);
    auto* actionRow = new QHBoxLayout;
    actionRow->addWidget(m_activate);
    actionRow->addWidget(m_shadow);
    actionRow->addStretch(1);
    auto* rows = new QVBoxLayout;
    rows->addLayout(saveRow);
    rows->addLayout(actionRow);
    return rows;
}

void RulesTab::onLoaded()
{
    if (const auto& error = m_model->loadError()) {
        m_messageBar.showError(*error);
        m_messageBar.setAction(tr("Read again"), [this] { m_model->reload(); });
    }
    for (int column = 0; column < RuleSetListModel::Note; ++column) // the note, last, stretches
        m_table->resizeColumnToContents(column);
    if (m_pendingSelect != 0)
        selectVersion(std::exchange(m_pendingSelect, 0));
    else if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0 && !isModified())
        selectVersion(m_model->activeVersion() != 0 ? m_model->activeVersion() : m_model->ruleSet(0).version);
    updateActions();
}

void RulesTab::goToProblem(QListWidgetItem* item)
{
    const QTextBlock block = m_editor->document()->findBlockByNumber(item->data(LineRole).toInt() - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        std::min(item->data(ColumnRole).toInt() - 1, block.length() - 1));
    m_editor->setTextCursor(cursor);
    m_editor->setFocus();
}

std::optional<QString> RulesTab::textToTest()
{
    checkNow();
    const QString text = m_editor->toPlainText();
    if (!m_issues.isEmpty() || text.trimmed().isEmpty())
        return std::nullopt;
    return text;
}

void RulesTab::setListNames(const QStringList& names)
{
    m_listNames = names;
    checkNow();
}

bool RulesTab::isModified() const
{
    return m_editor->toPlainText() != m_baseText;
}

void RulesTab::selectVersion(qint64 version)
{
    const int row = m_model->rowOf(version);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

bool RulesTab::confirmDiscard()
{
    return Dialogs::confirm(this, tr("Discard changes?"),
                            tr("The rules you edited are not saved. Show the other version and lose the changes?"),
                            tr("Discard changes"));
}

void RulesTab::onCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        updateActions();
        return;
    }
    const qint64 version = m_model->ruleSet(current.row()).version;
    if (version == m_version) {
        updateActions(); // the same version, read again: its state may have changed
        return;
    }
    if (m_rights.saveRules && isModified() && !confirmDiscard()) {
        const QSignalBlocker blocker(m_table->selectionModel()); // back to the edited one, quietly
        selectVersion(m_version);
        return;
    }
    showVersion(current.row());
}

void RulesTab::showVersion(int row)
{
    const risk::RuleSetVersion& r = m_model->ruleSet(row);
    m_version = r.version;
    m_baseText = r.text;
    m_editor->setPlainText(r.text);
    checkNow();
}

void RulesTab::scheduleCheck()
{
    m_checked = false;
    m_checkTimer.start();
    updateActions(); // "edited" shows at once; the problems after the pause
}

void RulesTab::checkNow()
{
    m_checkTimer.stop();
    m_issues = checkRules(m_editor->toPlainText(), m_listNames);
    m_checked = true;
    showIssues();
    updateActions();
}

void RulesTab::showIssues()
{
    m_problems->clear();
    for (const RuleIssue& issue : m_issues) {
        auto* item = new QListWidgetItem(RiskText::ruleProblem(issue), m_problems);
        item->setData(LineRole, issue.line);
        item->setData(ColumnRole, issue.column);
    }
    m_problems->setVisible(!m_issues.isEmpty());
    m_parseStatus->setVisible(!m_editor->toPlainText().trimmed().isEmpty()); // no room taken before a rule
    if (m_editor->toPlainText().trimmed().isEmpty()) {
        m_parseStatus->clear();
    } else if (m_issues.isEmpty()) {
        setToneText(m_parseStatus, theme::Tone::Success);
        m_parseStatus->setText(tr("✓ The rules parse."));
    } else {
        setToneText(m_parseStatus, theme::Tone::Error);
        m_parseStatus->setText(
            tr("%n problem(s): the rules can be saved once they parse.", nullptr, int(m_issues.size())));
    }
    markLines(m_issues);
}

void RulesTab::markLines(const QList<RuleIssue>& issues)
{
    QList<QTextEdit::ExtraSelection> marks;
    const QColor line = theme::tint(theme::Tone::Error, palette()).background;
    const QColor underline = theme::text(theme::Tone::Error, palette());
    for (const RuleIssue& issue : issues) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(issue.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection whole;
        whole.format.setBackground(line);
        whole.format.setProperty(QTextFormat::FullWidthSelection, true);
        whole.cursor = QTextCursor(block);
        marks.append(whole);
        // the offending place itself, from its column to the end of the line
        QTextEdit::ExtraSelection at;
        at.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        at.format.setUnderlineColor(underline);
        at.cursor = QTextCursor(block);
        const int column = std::clamp(issue.column - 1, 0, std::max(block.length() - 1, 0));
        at.cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, column);
        at.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        marks.append(at);
    }
    m_editor->setExtraSelections(marks);
}

void RulesTab::updateActions()
{
    const int row = m_model->rowOf(m_version);
    const risk::RuleSetVersion* r = row >= 0 ? &m_model->ruleSet(row) : nullptr;
    const bool modified = isModified();
    const bool empty = m_model->isLoaded() && m_model->rowCount() == 0;

    QString title;
    if (r) {
        const QString state = r->shadow ? m_model->data(m_model->index(row, RuleSetListModel::State)).toString()
                                        : RiskText::ruleSetStatus(r->status);
        //: %1 a version number, %2 its state ("Draft")
        title = tr("Version %1 · %2").arg(r->version).arg(state);
    } else {
        title = tr("New rule set"); // an empty store's hint says "No rules yet" once
    }
    if (modified && m_rights.saveRules)
        //: %1 the version's title; the editor differs from what was saved
        title = tr("%1 · edited").arg(title);
    m_title->setText(title);
    m_emptyHint->setVisible(empty);
    if (empty)
        m_emptyHint->setText(m_rights.saveRules
                                 ? tr("<b>No rules yet.</b> Write your first rule set below, one rule a line (the "
                                      "grey text is an example), save it as a draft, then activate it.")
                                 : tr("<b>No rules yet.</b> An operator or an administrator writes them here."));

    const bool parses = m_checked ? m_issues.isEmpty() : true; // save() parses again before it sends
    m_save->setEnabled(!m_busy && modified && parses && !m_editor->toPlainText().trimmed().isEmpty());

    const bool canAct = r && !m_busy;
    m_activate->setText(r && r->status == u"retired" ? tr("&Restore") : tr("&Activate"));
    m_activate->setVisible(m_rights.activateRules && r); // nothing saved yet: nothing to activate
    m_activate->setEnabled(canAct && r->status != u"active" && !modified);
    m_activate->setToolTip(modified ? tr("Save the changes as a draft first: activating uses the saved text.")
                                    : tr("Makes this version the rules payments are judged by."));
    m_shadow->setVisible(m_rights.shadowRules && r && r->status == u"draft");
    m_shadow->setText(r && r->shadow ? tr("Stop &shadow") : tr("Run in &shadow"));
    m_shadow->setEnabled(canAct);
}

void RulesTab::save()
{
    if (!m_rights.saveRules || m_busy)
        return;
    checkNow();
    const QString text = m_editor->toPlainText();
    if (!m_issues.isEmpty() || !isModified() || text.trimmed().isEmpty())
        return;
    const QString note = m_note->text().trimmed();
    m_busy = true;
    updateActions();
    onReady(m_client.saveRuleSet(text, note, m_saveKey.keyFor((text + u'\0' + note).toUtf8())), this,
            [this, text](const Result<risk::RuleSetVersion>& result) {
                m_busy = false;
                if (!result) {
                    showCommandError(result.error());
                    updateActions();
                    return;
                }
                // the editor shows the new draft now: selecting it is not a change of version
                m_version = result->version;
                m_baseText = result->text;
                m_note->clear();
                afterCommand(result->version, tr("Saved as draft version %1.").arg(result->version));
            });
}

void RulesTab::activate()
{
    const int row = m_model->rowOf(m_version);
    if (row < 0 || m_busy || !m_rights.activateRules)
        return;
    const risk::RuleSetVersion r = m_model->ruleSet(row);
    if (r.status == u"active" || isModified())
        return;
    const qint64 active = m_model->activeVersion();
    const bool restore = r.status == u"retired";
    //: %1 the version activated, %2 the one active now
    const QString change = active != 0
                               ? tr("Version %1 replaces version %2 as the active rules.").arg(r.version).arg(active)
                               : tr("Version %1 becomes the active rules.").arg(r.version);
    const QString text = change + u"\n\n"_s +
                         tr("Every payment from now on is judged by it; the version it replaces is kept "
                            "and can be restored.");
    if (!Dialogs::confirm(
            this, restore ? tr("Restore version %1?").arg(r.version) : tr("Activate version %1?").arg(r.version), text,
            restore ? tr("Restore") : tr("Activate")))
        return;
    m_busy = true;
    updateActions();
    onReady(m_client.activateRuleSet(r.version, newKey(u"ruleset-activate-"_s)), this,
            [this](const Result<risk::RuleSetVersion>& result) {
                m_busy = false;
                if (!result) {
                    showCommandError(result.error());
                    updateActions();
                    return;
                }
                afterCommand(result->version, tr("Version %1 is now the active rules.").arg(result->version));
            });
}

void RulesTab::toggleShadow()
{
    const int row = m_model->rowOf(m_version);
    if (row < 0 || m_busy || !m_rights.shadowRules)
        return;
    const risk::RuleSetVersion r = m_model->ruleSet(row);
    const bool shadow = !r.shadow;
    m_busy = true;
    updateActions();
    onReady(m_client.setRuleSetShadow(r.version, shadow, newKey(u"ruleset-shadow-"_s)), this,
            [this, shadow](const Result<risk::RuleSetVersion>& result) {
                m_busy = false;
                if (!result) {
                    showCommandError(result.error());
                    updateActions();
                    return;
                }
                afterCommand(result->version,
                             shadow ? tr("Version %1 runs in shadow beside the active rules.").arg(result->version)
                                    : tr("Version %1 no longer runs in shadow.").arg(result->version));
            });
}

void RulesTab::afterCommand(qint64 version, const QString& success)
{
    m_messageBar.showSuccess(success);
    m_pendingSelect = version;
    connect(
        m_model, &RuleSetListModel::loaded, this, [this] { emit commandDone(); }, Qt::SingleShotConnection);
    m_model->reload();
}

void RulesTab::showCommandError(const Error& error)
{
    if (const auto at = ruleLocation(error.field)) {
        //: the engine refused the rules; details carry its sentence
        m_messageBar.showError(tr("The rules do not parse: line %1, column %2.").arg(at->line).arg(at->column),
                               error.message);
        markLines({RuleIssue{at->line, at->column, {}, error.message}});
        return;
    }
    m_messageBar.showError(RiskText::errorWithField(error), errorDetails(error));
}

} // namespace souk
