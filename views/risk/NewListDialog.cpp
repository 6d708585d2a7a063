#include "views/risk/NewListDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/risk/RiskText.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

const QString NameField = u"name"_s;
const QString KindField = u"kind"_s;
const QString DescriptionField = u"description"_s;

} // namespace

NewListDialog::NewListDialog(Client& client, QWidget* parent) : QDialog(parent), m_client(client)
{
    setObjectName(u"newListDialog"_s);
    setWindowTitle(tr("New risk list"));
    m_messageBar = new MessageBar(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"listNameEdit"_s);
    m_name->setPlaceholderText(u"blocked_emails"_s);
    m_name->setMaxLength(64);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"listKindCombo"_s);
    for (const QString& kind : RiskText::listKinds())
        m_kind->addItem(RiskText::listKind(kind), kind);
    m_description = new QLineEdit(this);
    m_description->setObjectName(u"listDescriptionEdit"_s);
    m_description->setPlaceholderText(tr("What it is for, and who adds to it"));
    auto* hint = new QLabel(tr("Lower-case letters, digits and _; rules name the list as @name, for example "
                               "<code>Block if :email: in @blocked_emails</code>."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false); // a hint, greyed

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_errors.add(NameField, m_name));
    form->addRow(QString(), hint);
    form->addRow(tr("&Holds:"), m_kind);
    form->addRow(QString(), m_errors.add(KindField, m_kind));
    form->addRow(tr("&Description:"), m_description);
    form->addRow(QString(), m_errors.add(DescriptionField, m_description));
    connect(m_name, &QLineEdit::textEdited, m_errors.label(NameField), &QWidget::hide);
    connect(m_description, &QLineEdit::textEdited, m_errors.label(DescriptionField), &QWidget::hide);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("&Create list"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"createListButton"_s);
    m_create->setDefault(true);
    connect(m_create, &QPushButton::clicked, this, &NewListDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void NewListDialog::submit()
{
    m_errors.clear();
    m_messageBar->clearMessage();
    const QString name = m_name->text().trimmed();
    const QString kind = m_kind->currentData().toString();
    const QString description = m_description->text().trimmed();
    if (name.isEmpty()) {
        m_errors.show(NameField, tr("Enter a name for the list."));
        return;
    }
    const QString key = m_key.keyFor((name + u'\n' + kind + u'\n' + description).toUtf8());
    m_create->setEnabled(false);
    onReady(m_client.createRiskList(name, kind, description, key), this, [this](const Result<risk::RiskList>& result) {
        m_create->setEnabled(true);
        if (!result) {
            showStoreError(result.error());
            return;
        }
        emit created(*result);
        accept();
    });
}

void NewListDialog::showStoreError(const Error& error)
{
    const QString details = errorDetails(error);
    if (error.field == NameField && error.code == ErrorCode::Duplicate)
        m_errors.show(NameField, tr("There is already a list with this name."), details);
    else if (error.field == NameField)
        m_errors.show(NameField, tr("Use 1 to 64 lower-case letters, digits and _, starting with a letter."), details);
    else if (error.field == KindField)
        m_errors.show(KindField, tr("Pick what the list holds."), details);
    else if (error.field == DescriptionField)
        m_errors.show(DescriptionField, tr("At most 500 characters."), details);
    else
        m_messageBar->showError(error);
}

} // namespace souk
