#include "views/common/MessageBar.h"

#include <QHBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "backend/core/Error.h"
#include "models/common/ErrorText.h"
#include "models/common/Theme.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

theme::Tone toneOf(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Error:
        return theme::Tone::Error;
    case MessageBar::Kind::Success:
        return theme::Tone::Success;
    case MessageBar::Kind::Info:
        break;
    }
    return theme::Tone::Info;
}

QStyle::StandardPixmap iconOf(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Error:
        return QStyle::SP_MessageBoxCritical;
    case MessageBar::Kind::Success:
        return QStyle::SP_DialogApplyButton;
    case MessageBar::Kind::Info:
        break;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

MessageBar::MessageBar(QWidget* parent) : QFrame(parent)
{
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::NoFrame); // paintEvent() draws the tinted panel and its border
    m_icon = new QLabel(this);
    m_icon->setObjectName(u"messageIcon"_s);
    m_headline = new QLabel(this);
    m_headline->setObjectName(u"messageText"_s);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsButton = new QToolButton(this);
    m_detailsButton->setObjectName(u"messageDetailsButton"_s);
    m_detailsButton->setText(tr("&Details", "message bar: show technical details"));
    m_detailsButton->setCheckable(true);
    m_actionButton = new QPushButton(this);
    m_actionButton->setObjectName(u"messageActionButton"_s);
    m_closeButton = new QToolButton(this);
    m_closeButton->setObjectName(u"messageCloseButton"_s);
    m_closeButton->setText(u"\u2715"_s);
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close this message"));
    m_closeButton->setAccessibleName(tr("Close message"));
    m_details = new QLabel(this);
    m_details->setObjectName(u"messageDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::PlainText);

    auto* row = new QHBoxLayout;
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_headline, 1);
    row->addWidget(m_detailsButton);
    row->addWidget(m_actionButton);
    row->addWidget(m_closeButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addLayout(row);
    layout->addWidget(m_details);

    connect(m_detailsButton, &QToolButton::toggled, this, &MessageBar::toggleDetails);
    connect(m_actionButton, &QPushButton::clicked, this, &MessageBar::triggerAction);
    connect(m_closeButton, &QToolButton::clicked, this, [this] {
        clearMessage();
        emit closed();
    });
    m_details->hide();
    m_actionButton->hide();
    hide();
}

void MessageBar::showMessage(Kind kind, const QString& headline, const QString& details)
{
    m_kind = kind;
    m_action = nullptr;
    m_actionButton->hide();
    m_headline->setText(headline);
    m_details->setText(details);
    m_detailsButton->setChecked(false);
    m_detailsButton->setVisible(!details.isEmpty());
    m_details->hide();
    applyKind();
    show();
}

void MessageBar::showError(const QString& headline, const QString& details)
{
    showMessage(Kind::Error, headline, details);
}

void MessageBar::showError(const souk::Error& error)
{
    showMessage(Kind::Error, errorText(error), errorDetails(error));
}

void MessageBar::showInfo(const QString& headline, const QString& details)
{
    showMessage(Kind::Info, headline, details);
}

void MessageBar::showSuccess(const QString& headline, const QString& details)
{
    showMessage(Kind::Success, headline, details);
}

void MessageBar::setAction(const QString& label, std::function<void()> callback)
{
    m_action = std::move(callback);
    m_actionButton->setText(label);
    m_actionButton->setVisible(bool(m_action));
}

void MessageBar::clearAction()
{
    m_action = nullptr;
    m_actionButton->hide();
}

void MessageBar::clearMessage()
{
    m_action = nullptr;
    m_actionButton->hide();
    hide();
}

QString MessageBar::headline() const
{
    return m_headline->text();
}

QString MessageBar::details() const
{
    return m_details->text();
}

bool MessageBar::hasAction() const
{
    return bool(m_action);
}

QColor MessageBar::backgroundColour() const
{
    return theme::tint(toneOf(m_kind), palette()).background;
}

QColor MessageBar::textColour() const
{
    return m_headline->palette().color(QPalette::WindowText);
}

void MessageBar::applyKind()
{
    applyColours();
    setAccessibleDescription(m_headline->text());
    update();
}

void MessageBar::applyColours()
{
    // the labels take the tint's text colour; the bar's own palette stays inherited, so that it
    // keeps following the application's (setting it here would also re-enter changeEvent)
    const theme::Tint tint = theme::tint(toneOf(m_kind), palette());
    for (QLabel* label : {m_icon, m_headline, m_details}) {
        if (label->palette().color(QPalette::WindowText) == tint.text)
            continue;
        QPalette own; // only the text colour is the label's own; the rest stays inherited
        own.setColor(QPalette::WindowText, tint.text);
        label->setPalette(own);
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(iconOf(m_kind), nullptr, this).pixmap(size, size));
}

void MessageBar::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    // the light/dark switch: the tint is painted from the palette, the labels are told
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyColours();
        update();
    }
}

void MessageBar::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    const theme::Tint tint = theme::tint(toneOf(m_kind), palette());
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(tint.border, 1));
    painter.setBrush(tint.background);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

void MessageBar::toggleDetails(bool shown)
{
    m_details->setVisible(shown);
}

void MessageBar::triggerAction()
{
    // move out first: the callback may show a new message with a new action
    auto action = std::move(m_action);
    clearMessage();
    emit actionTriggered();
    if (action)
        action();
}

} // namespace souk
