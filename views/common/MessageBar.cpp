#include "views/common/MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "backend/core/Error.h"
#include "models/common/ErrorText.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

struct Colours
{
    const char16_t* background;
    const char16_t* border;
    const char16_t* text;
};

/// Fixed tints with their own text colour, so the bar reads the same in the light and dark palettes.
Colours coloursOf(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Error:
        return {u"#fdecea", u"#e0a8a3", u"#5f1410"};
    case MessageBar::Kind::Success:
        return {u"#e7f5ea", u"#9fd1ab", u"#173f22"};
    case MessageBar::Kind::Info:
        break;
    }
    return {u"#e6f0fb", u"#a8c6ea", u"#123456"};
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
    setFrameShape(QFrame::StyledPanel);
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

void MessageBar::applyKind()
{
    const Colours c = coloursOf(m_kind);
    setStyleSheet(u"QFrame#messageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                  "QFrame#messageBar QLabel { color: %3; background: transparent; }"_s.arg(
                      QString::fromUtf16(c.background), QString::fromUtf16(c.border), QString::fromUtf16(c.text)));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(iconOf(m_kind), nullptr, this).pixmap(size, size));
    setAccessibleDescription(m_headline->text());
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
