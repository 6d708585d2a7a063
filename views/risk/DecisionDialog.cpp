#include "views/risk/DecisionDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "models/risk/ReviewText.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int NoteCharsMax = 500; ///< the engine refuses longer notes

QString question(risk::ReviewVerdict verdict, int reviews)
{
    switch (verdict) {
    case risk::ReviewVerdict::Approve:
        return DecisionDialog::tr("Approve %n review(s)? The payment is captured and the order goes ahead.", nullptr,
                                  reviews);
    case risk::ReviewVerdict::Decline:
        return DecisionDialog::tr("Decline %n review(s)? The payment is voided, the order cancelled and the goods "
                                  "restocked.",
                                  nullptr, reviews);
    case risk::ReviewVerdict::Fraud:
        return DecisionDialog::tr("Mark %n review(s) as fraud? The payment is voided, the order cancelled and the "
                                  "payment labelled fraud.",
                                  nullptr, reviews);
    }
    return {};
}

} // namespace

DecisionDialog::DecisionDialog(risk::ReviewVerdict verdict, int reviews, QWidget* parent)
    : QDialog(parent), m_verdict(verdict)
{
    setObjectName(u"decisionDialog"_s);
    setWindowTitle(ReviewText::verdict(verdict));
    auto* text = new QLabel(question(verdict, reviews), this);
    text->setObjectName(u"decisionQuestion"_s);
    text->setWordWrap(true);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(u"reasonCombo"_s);
    for (const QString& code : risk::reviewReasonsFor(verdict))
        m_reason->addItem(ReviewText::reason(code), code);
    m_note = new QLineEdit(this);
    m_note->setObjectName(u"noteEdit"_s);
    m_note->setMaxLength(NoteCharsMax);
    m_note->setPlaceholderText(tr("Optional"));
    m_block = new QCheckBox(tr("Add card and email to block lists"), this);
    m_block->setObjectName(u"blockCheck"_s);
    m_block->setVisible(verdict == risk::ReviewVerdict::Fraud);
    auto* form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Note:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(u"decideButton"_s);
    ok->setText(ReviewText::verdict(verdict));
    ok->setDefault(true); // Enter confirms the pre-filled reason
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_block);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_reason->setFocus();
}

QString DecisionDialog::reason() const
{
    return m_reason->currentData().toString();
}

QString DecisionDialog::note() const
{
    return m_note->text().trimmed();
}

bool DecisionDialog::blockCardAndEmail() const
{
    return m_verdict == risk::ReviewVerdict::Fraud && m_block->isChecked();
}

} // namespace souk
