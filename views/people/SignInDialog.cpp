#include "views/people/SignInDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;

namespace souk {

SignInDialog::SignInDialog(Client& client, Mode mode, const QString& userName, QWidget* parent)
    : QDialog(parent), m_client(client), m_mode(mode)
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(mode == Mode::Unlock ? tr("Souk is locked") : tr("Sign in to Souk"));
    m_messageBar = new MessageBar(this);
    auto* intro = new QLabel(this);
    intro->setObjectName(u"signInIntro"_s);
    intro->setWordWrap(true);
    intro->setText(mode == Mode::Unlock
                       //: %1 = user name
                       ? tr("Souk locked itself after a while without use. Sign in again as %1 to go on.")
                             .arg(userName.toHtmlEscaped())
                       //: %1 = the store file or node
                       : tr("This store has users. Sign in to open it.\n%1").arg(client.location()));

    m_user = new QLineEdit(userName, this);
    m_user->setObjectName(u"userEdit"_s);
    m_user->setReadOnly(mode == Mode::Unlock);
    m_user->setMaxLength(64);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(1024);
    m_code = new QLineEdit(this);
    m_code->setObjectName(u"codeEdit"_s);
    m_code->setMaxLength(32);
    m_code->setPlaceholderText(tr("Only if two-step sign-in is on"));
    m_code->setToolTip(tr("The 6-digit code from your authenticator app, or one of your recovery codes."));

    auto* form = new QFormLayout;
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Code:"), m_code);

    auto* buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(mode == Mode::Unlock ? tr("&Unlock") : tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    if (mode == Mode::Unlock) {
        QPushButton* other = buttons->addButton(tr("Sign &out"), QDialogButtonBox::ResetRole);
        other->setObjectName(u"signOutButton"_s);
        connect(other, &QPushButton::clicked, this, [this] {
            emit signOutRequested();
            reject();
        });
    } else {
        QPushButton* quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
        quit->setObjectName(u"quitButton"_s);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    (mode == Mode::Unlock || !userName.isEmpty() ? m_password : m_user)->setFocus();
}

void SignInDialog::submit()
{
    if (m_inFlight)
        return; // one check at a time: Enter pressed twice is one sign-in
    if (m_user->text().trimmed().isEmpty()) {
        m_messageBar->showError(tr("Enter your user name."));
        m_user->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        m_messageBar->showError(tr("Enter your password."));
        m_password->setFocus();
        return;
    }
    setBusy(true);
    m_messageBar->showInfo(tr("Signing in\u2026"));
    onReady(m_client.signIn(m_user->text().trimmed(), m_password->text(), m_code->text().trimmed()), this,
            [this](const Result<auth::Principal>& principal) {
                setBusy(false);
                if (!principal)
                    return failed(principal.error());
                m_password->clear(); // nothing of it stays in memory longer than needed
                accept();
            });
}

void SignInDialog::failed(const Error& error)
{
    if (error.code == ErrorCode::Unauthenticated && error.field == u"code"_s) {
        // the password was right or the code is what is wrong: the code is what to type now
        m_messageBar->showError(error.message.startsWith(u"enter"_s)
                                    ? tr("Two-step sign-in is on for this user: enter the code from your "
                                         "authenticator app.")
                                    : tr("The code is wrong or was already used. Wait for the next code and try "
                                         "again."));
        m_code->clear();
        m_code->setFocus();
        return;
    }
    if (error.code == ErrorCode::Unauthenticated) {
        m_messageBar->showError(tr("The user name or password is wrong."));
        m_password->clear();
        m_password->setFocus();
        return;
    }
    if (error.code == ErrorCode::AccountLocked) {
        // the engine's message is English: the wait is read from it and said in the user's language
        static const QRegularExpression wait(u"try again in (\\d+) s"_s);
        const auto match = wait.match(error.message);
        if (match.hasMatch())
            m_messageBar->showError(tr("Too many failed sign-ins. Try again in %n second(s).", nullptr,
                                       match.captured(1).toInt()));
        else
            m_messageBar->showError(tr("This user is disabled. Ask an owner or an administrator."));
        return;
    }
    if (error.outcomeUnknown) {
        m_messageBar->showError(signInOutcomeUnknownText(), error.message);
        return;
    }
    m_messageBar->showError(error);
}

void SignInDialog::setBusy(bool busy)
{
    m_inFlight = busy;
    m_signIn->setEnabled(!busy);
    m_user->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_code->setEnabled(!busy);
}

} // namespace souk
