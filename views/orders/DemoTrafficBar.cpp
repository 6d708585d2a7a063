#include "views/orders/DemoTrafficBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

#include "models/common/ErrorText.h"
#include "models/common/Format.h"
#include "models/orders/DemoTrafficSource.h"

using namespace Qt::StringLiterals;

namespace souk {

DemoTrafficBar::DemoTrafficBar(DemoTrafficSource& source, int initialRate, QWidget* parent)
    : QWidget(parent), m_source(source)
{
    setObjectName(u"demoTrafficBar"_s);
    auto* caption = new QLabel(tr("Demo traffic:"), this);
    m_rate = new QSpinBox(this);
    m_rate->setObjectName(u"demoRate"_s);
    m_rate->setRange(1, 2000);
    m_rate->setValue(initialRate > 0 ? initialRate : 5);
    //: unit after the demo traffic rate, e.g. "5 orders/s"
    m_rate->setSuffix(tr(" orders/s"));
    m_rate->setAccessibleName(tr("Demo orders per second"));
    m_button = new QPushButton(this);
    m_button->setObjectName(u"demoButton"_s);
    m_status = new QLabel(this);
    m_status->setObjectName(u"demoStatus"_s);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(m_rate);
    layout->addWidget(m_button);
    layout->addWidget(m_status);
    connect(m_button, &QPushButton::clicked, this, &DemoTrafficBar::toggle);
    connect(&m_source, &DemoTrafficSource::runningChanged, this, &DemoTrafficBar::showRunning);
    connect(&m_source, &DemoTrafficSource::ordersPlaced, this, [this](qint64 total) {
        //: how many demo orders were placed so far
        m_status->setText(tr("%1 orders placed").arg(formatQuantity(total)));
    });
    connect(&m_source, &DemoTrafficSource::failed, this, [this](const Error& error) {
        m_status->setText(tr("Stopped: %1").arg(errorText(error)));
        m_status->setToolTip(errorDetails(error));
    });
    showRunning(m_source.isRunning());
}

void DemoTrafficBar::toggle()
{
    if (m_source.isRunning())
        m_source.stop();
    else
        m_source.start(m_rate->value());
}

void DemoTrafficBar::showRunning(bool running)
{
    m_button->setText(running ? tr("Stop") : tr("Start"));
    m_rate->setEnabled(!running);
}

} // namespace souk
