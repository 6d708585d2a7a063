#include "views/people/ChangePasswordDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int PasswordCharsMin = 12;

QLineEdit* passwordEdit(const QString& name, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(1024);
    return edit;
}

} // namespace

ChangePasswordDialog::ChangePasswordDialog(Client& client, bool required, QWidget* parent)
    : QDialog(parent), m_client(client)
{
    setObjectName(u"changePasswordDialog"_s);
    setWindowTitle(tr("Change password"));
    m_messageBar = new MessageBar(this);
    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setText(required ? tr("You signed in with a one-time password. Choose your own to go on: at least %1 "
                                 "characters; a few unrelated words are easy to remember and hard to guess.")
                                  .arg(PasswordCharsMin)
                            : tr("At least %1 characters; a few unrelated words are easy to remember and hard to "
                                 "guess.")
                                  .arg(PasswordCharsMin));
    m_current = passwordEdit(u"currentPasswordEdit"_s, this);
    m_next = passwordEdit(u"newPasswordEdit"_s, this);
    m_repeat = passwordEdit(u"repeatPasswordEdit"_s, this);
    auto* form = new QFormLayout;
    form->addRow(required ? tr("&One-time password:") : tr("&Current password:"), m_current);
    form->addRow(tr("&New password:"), m_next);
    form->addRow(tr("&Repeat it:"), m_repeat);
    auto* buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save password"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"savePasswordButton"_s);
    m_save->setDefault(true);
    QPushButton* cancel =
        buttons->addButton(required ? tr("Sign &out") : tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(u"cancelPasswordButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    m_current->setFocus();
}

void ChangePasswordDialog::submit()
{
    if (m_inFlight)
        return;
    if (m_current->text().isEmpty()) {
        m_messageBar->showError(tr("Enter your current password."));
        return m_current->setFocus();
    }
    if (m_next->text().size() < PasswordCharsMin) {
        m_messageBar->showError(tr("The new password needs at least %1 characters.").arg(PasswordCharsMin));
        return m_next->setFocus();
    }
    if (m_next->text() != m_repeat->text()) {
        m_messageBar->showError(tr("The two new passwords differ. Type the same one twice."));
        m_repeat->clear();
        return m_repeat->setFocus();
    }
    m_inFlight = true;
    m_save->setEnabled(false);
    m_messageBar->showInfo(tr("Saving the password\u2026"));
    onReady(m_client.changePassword(m_current->text(), m_next->text()), this, [this](const Result<bool>& changed) {
        m_inFlight = false;
        m_save->setEnabled(true);
        if (!changed)
            return failed(changed.error());
        accept();
    });
}

void ChangePasswordDialog::failed(const Error& error)
{
    if (error.field == u"currentPassword"_s) {
        m_messageBar->showError(tr("The current password is wrong."));
        m_current->clear();
        return m_current->setFocus();
    }
    if (error.field == u"newPassword"_s) {
        m_messageBar->showError(tr("Choose another new password: it must be at least %1 characters and differ "
                                   "from the current one.")
                                    .arg(PasswordCharsMin),
                                error.message);
        return m_next->setFocus();
    }
    m_messageBar->showError(error);
}

} // namespace souk
