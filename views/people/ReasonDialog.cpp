#include "views/people/ReasonDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {

ReasonDialog::ReasonDialog(const QString& title, const QString& question, const QString& acceptLabel, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"reasonDialog"_s);
    setWindowTitle(title);
    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion, nullptr, this).pixmap(iconSize));
    auto* text = new QLabel(question, this);
    text->setObjectName(u"questionLabel"_s);
    text->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addSpacing(8);
    top->addWidget(text, 1);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"reasonEdit"_s);
    m_reason->setMaxLength(ReasonCharsMax);
    m_reason->setPlaceholderText(tr("Why? The audit log keeps it with your name."));
    m_reasonError = new QLabel(this);
    m_reasonError->setObjectName(u"reasonError"_s);
    m_reasonError->setWordWrap(true);
    setToneText(m_reasonError, theme::Tone::Error);
    m_reasonError->hide();
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(QString(), m_reasonError);
    connect(m_reason, &QLineEdit::textEdited, m_reasonError, &QWidget::hide);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* accept = buttons->addButton(acceptLabel, QDialogButtonBox::AcceptRole);
    accept->setObjectName(u"acceptButton"_s);
    // Enter goes ahead only with a reason typed; with none it asks for one, so a stray Enter
    // changes nothing
    accept->setDefault(true);
    connect(accept, &QPushButton::clicked, this, &ReasonDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    m_reason->setFocus();
}

QString ReasonDialog::reason() const
{
    return m_reason->text().trimmed();
}

void ReasonDialog::submit()
{
    if (reason().isEmpty()) {
        m_reasonError->setText(tr("Say why: the audit log keeps the reason."));
        m_reasonError->show();
        m_reason->setFocus(Qt::OtherFocusReason);
        return;
    }
    accept();
}

} // namespace souk
