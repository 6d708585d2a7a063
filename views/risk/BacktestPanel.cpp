#include "views/risk/BacktestPanel.h"

#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include "backend/core/Async.h"
#include "backend/core/Clock.h"
#include "backend/core/Currency.h"
#include "models/common/ErrorText.h"
#include "models/common/Format.h"
#include "models/risk/RiskText.h"
#include "models/risk/RuleCheck.h"
#include "views/common/MessageBar.h"
#include "views/common/Tables.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

qint64 startOfDayMs(const QDate& day)
{
    return day.startOfDay().toMSecsSinceEpoch(); // the user's local day
}

} // namespace

BacktestPanel::BacktestPanel(Client& client, const Clock& clock, MessageBar& messageBar,
                             std::function<std::optional<QString>()> rulesText, QWidget* parent)
    : QGroupBox(tr("Backtest"), parent), m_client(client), m_messageBar(messageBar), m_rulesText(std::move(rulesText))
{
    setObjectName(u"backtestPanel"_s);
    const QDate today = QDateTime::fromMSecsSinceEpoch(clock.nowMs()).date();
    m_from = new QDateEdit(today.addDays(-DefaultDays), this);
    m_from->setObjectName(u"backtestFrom"_s);
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(u"backtestTo"_s);
    m_to->setCalendarPopup(true);
    m_run = new QPushButton(tr("Run &backtest"), this);
    m_run->setObjectName(u"backtestRunButton"_s);
    m_run->setToolTip(tr("What the rules in the editor would have done to the stored payments of these days"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"backtestCancelButton"_s);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(u"backtestProgress"_s);
    m_bar->setTextVisible(false);
    connect(m_run, &QPushButton::clicked, this, &BacktestPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &BacktestPanel::cancel);
    auto* range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("From"), this));
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to", "backtest date range"), this));
    range->addWidget(m_to);
    range->addWidget(m_run);
    range->addWidget(m_bar, 1);
    range->addWidget(m_cancel);
    range->addStretch(); // while nothing runs, the dates and Run stay together on the left

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"backtestSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setText(tr("Pick the days and press Run: nothing is changed, the stored payments are only read."));
    m_hits = Tables::readOnly(this, u"backtestHits"_s,
                              {tr("Line", "backtest column"), tr("Action", "backtest column"),
                               tr("Matched", "backtest column"), tr("Decided", "backtest column"),
                               tr("of which fraud", "backtest column"), tr("Rule", "backtest column")});
    m_hits->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(range);
    layout->addWidget(m_summary);
    layout->addWidget(m_hits, 1);
    layout->addStretch(); // takes the room until there are hits to show
    m_tick.setInterval(ProgressTickMs);
    connect(&m_tick, &QTimer::timeout, this, &BacktestPanel::tick);
    setRunning(false);
}

void BacktestPanel::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_from->setEnabled(!running);
    m_to->setEnabled(!running);
    m_cancel->setVisible(running);
    m_bar->setVisible(running);
    if (running)
        m_tick.start();
    else
        m_tick.stop();
}

void BacktestPanel::run()
{
    if (isRunning())
        return;
    const std::optional<QString> text = m_rulesText();
    if (!text) {
        m_messageBar.showError(tr("The rules do not parse: correct them before a backtest."));
        return;
    }
    if (m_from->date() > m_to->date()) {
        m_messageBar.showError(tr("The backtest's From day is after its To day."));
        m_from->setFocus();
        return;
    }
    const qint64 fromMs = startOfDayMs(m_from->date());
    const qint64 toMs = startOfDayMs(m_to->date().addDays(1)); // To's whole day
    m_progress = std::make_shared<TaskProgress>();
    m_bar->setRange(0, 0); // busy until the engine knows how many payments there are
    setRunning(true);
    const TaskProgressPtr progress = m_progress;
    onReady(m_client.backtestRules(*text, fromMs, toMs, progress), this,
            [this, progress](const Result<risk::BacktestResult>& result) {
                if (progress != m_progress)
                    return;
                m_progress.reset();
                setRunning(false);
                if (result) {
                    show(*result);
                } else if (result.error().code == ErrorCode::Cancelled) {
                    m_messageBar.showInfo(tr("Backtest cancelled."));
                } else if (const auto at = ruleLocation(result.error().field)) {
                    m_messageBar.showError(
                        tr("The rules do not parse: line %1, column %2.").arg(at->line).arg(at->column),
                        result.error().message);
                } else {
                    m_messageBar.showError(RiskText::errorWithField(result.error()), errorDetails(result.error()));
                }
                emit finished();
            });
}

void BacktestPanel::cancel()
{
    if (m_progress)
        m_progress->cancelRequested = true; // the engine stops at its next batch and answers Cancelled
}

void BacktestPanel::tick()
{
    if (!m_progress)
        return;
    const qint64 total = m_progress->total.load();
    if (total <= 0)
        return;
    m_bar->setRange(0, 1000);
    m_bar->setValue(int(std::clamp<qint64>(m_progress->done.load() * 1000 / total, 0, 1000)));
}

void BacktestPanel::show(const risk::BacktestResult& r)
{
    const auto n = [](qint64 v) { return formatQuantity(v); };
    QStringList revenue;
    for (auto it = r.blockedApprovedMinor.cbegin(); it != r.blockedApprovedMinor.cend(); ++it) {
        const qint64 legitimate = r.blockedLegitimateMinor.value(it.key());
        //: revenue a rule set would have stopped in one currency: %1 all, %2 of fraud, %3 of good customers
        revenue.append(tr("%1 (fraud %2 · legitimate %3)")
                           .arg(formatMoneyIn(it.value(), it.key()), formatMoneyIn(it.value() - legitimate, it.key()),
                                formatMoneyIn(legitimate, it.key())));
    }
    QStringList lines;
    //: %1 payments in the range, %2 of them known fraud
    lines.append(tr("<b>Payments:</b> %1 (fraud: %2)").arg(n(r.payments), n(r.fraud)));
    //: %1 payments the rules would block; %2, %3, %4 of them fraud, disputed, refunded
    lines.append(tr("<b>Would block:</b> %1 — fraud %2 · disputed %3 · refunded %4")
                     .arg(n(r.blocked), n(r.blockedFraud), n(r.blockedDisputed), n(r.blockedRefunded)));
    lines.append(tr("<b>Would review:</b> %1 — fraud %2 · disputed %3 · refunded %4")
                     .arg(n(r.reviewed), n(r.reviewedFraud), n(r.reviewedDisputed), n(r.reviewedRefunded)));
    lines.append(tr("<b>Revenue stopped:</b> %1")
                     .arg(revenue.isEmpty() ? tr("none", "revenue stopped") : revenue.join(u"; "_s)));
    m_summary->setText(lines.join(u"<br>"_s));

    m_hits->setRowCount(int(r.rules.size()));
    for (int row = 0; row < r.rules.size(); ++row) {
        const risk::BacktestRuleHits& h = r.rules[row];
        Tables::setRow(m_hits, row,
                       {QString::number(h.line), RiskText::ruleAction(h.action), n(h.matched), n(h.decided),
                        n(h.decidedFraud), h.text},
                       {0, 2, 3, 4});
    }
    m_hits->resizeColumnsToContents();
    m_hits->setVisible(!r.rules.isEmpty());
}

} // namespace souk
