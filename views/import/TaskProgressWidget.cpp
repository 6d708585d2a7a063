#include "views/import/TaskProgressWidget.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace souk {

namespace {

constexpr int PollIntervalMs = 100;
constexpr int BarSteps = 1000; ///< the bar counts permille: done/total may exceed int

QString childName(const QString& prefix, const QString& suffix)
{
    if (prefix.isEmpty())
        return suffix.at(0).toLower() + suffix.mid(1);
    return prefix + suffix;
}

} // namespace

TaskProgressWidget::TaskProgressWidget(const QString& namePrefix, QWidget* parent) : QWidget(parent)
{
    m_label = new QLabel(this);
    m_label->setObjectName(childName(namePrefix, u"ProgressLabel"_s));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(childName(namePrefix, u"ProgressBar"_s));
    m_bar->setTextVisible(true);
    m_cancelButton = new QPushButton(tr("&Cancel", "cancel a running task"), this);
    m_cancelButton->setObjectName(childName(namePrefix, u"CancelButton"_s));
    m_cancelButton->setAutoDefault(false);
    m_timer = new QTimer(this);
    m_timer->setInterval(PollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &TaskProgressWidget::poll);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        requestCancel();
        emit cancelClicked();
    });

    auto* row = new QHBoxLayout;
    row->addWidget(m_bar, 1);
    row->addWidget(m_cancelButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addLayout(row);
    hide();
}

TaskProgressPtr TaskProgressWidget::start(const QString& text)
{
    m_progress = std::make_shared<TaskProgress>();
    m_label->setText(text);
    m_bar->setRange(0, 0); // busy until the engine knows the total
    m_cancelButton->setEnabled(true);
    m_cancelButton->setText(tr("&Cancel", "cancel a running task"));
    m_timer->start();
    show();
    return m_progress;
}

void TaskProgressWidget::stop()
{
    m_timer->stop();
    m_progress.reset();
    hide();
}

void TaskProgressWidget::requestCancel()
{
    if (!m_progress)
        return;
    m_progress->cancelRequested = true;
    m_cancelButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancelling…"));
}

void TaskProgressWidget::poll()
{
    if (!m_progress)
        return;
    const qint64 total = m_progress->total.load();
    const qint64 done = m_progress->done.load();
    if (total <= 0)
        return;
    if (m_bar->maximum() != BarSteps)
        m_bar->setRange(0, BarSteps);
    m_bar->setValue(int(std::min(done, total) * BarSteps / total));
}

} // namespace souk
