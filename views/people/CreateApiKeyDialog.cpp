#include "views/people/CreateApiKeyDialog.h"

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
#include "views/common/MessageBar.h"
#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;
constexpr int DefaultExpiryDays = 90; ///< a key that expires by itself is the safer default

QLabel* errorLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    setToneText(label, theme::Tone::Error);
    label->hide();
    return label;
}

} // namespace

CreateApiKeyDialog::CreateApiKeyDialog(Client& client, const auth::User& user, QWidget* parent, const Clock& clock)
    : QDialog(parent), m_client(client), m_clock(clock), m_user(user)
{
    setObjectName(u"createApiKeyDialog"_s);
    //: %1 is a user name
    setWindowTitle(tr("New API key for %1").arg(user.name));
    m_messageBar = new MessageBar(this);
    //: %1 is a user name
    auto* intro = new QLabel(tr("A program that holds this key acts as %1, with their role. Make one key per "
                                "program, so you can revoke one without stopping the others.")
                                 .arg(user.name),
                             this);
    intro->setWordWrap(true);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"keyNameEdit"_s);
    m_name->setMaxLength(KeyNameCharsMax);
    m_name->setPlaceholderText(tr("What uses it, e.g. warehouse sync"));
    m_nameError = errorLabel(u"keyNameError"_s, this);
    connect(m_name, &QLineEdit::textEdited, m_nameError, &QWidget::hide);
    m_expiry = new QComboBox(this);
    m_expiry->setObjectName(u"expiryCombo"_s);
    m_expiry->addItem(tr("Never", "API key expiry"), 0);
    m_expiry->addItem(tr("In 30 days", "API key expiry"), 30);
    m_expiry->addItem(tr("In 90 days", "API key expiry"), 90);
    m_expiry->addItem(tr("In 365 days", "API key expiry"), 365);
    m_expiry->setCurrentIndex(m_expiry->findData(DefaultExpiryDays));
    m_expiryError = errorLabel(u"expiryError"_s, this);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:", "API key name"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Expires:", "API key"), m_expiry);
    form->addRow(QString(), m_expiryError);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("&Create key"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"createButton"_s);
    m_create->setDefault(true);
    connect(m_create, &QPushButton::clicked, this, &CreateApiKeyDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(intro);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    m_name->setFocus();
}

void CreateApiKeyDialog::submit()
{
    if (m_pending)
        return;
    m_nameError->hide();
    m_expiryError->hide();
    m_messageBar->clearMessage();
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_nameError->setText(tr("Name the key after what uses it, so you know which to revoke later."));
        m_nameError->show();
        m_name->setFocus(Qt::OtherFocusReason);
        return;
    }
    const int days = m_expiry->currentData().toInt();
    if (days != m_sentDays) { // a second click for the same term keeps its end: the same request
        m_sentDays = days;
        m_sentExpiresMs = days > 0 ? std::optional<qint64>(m_clock.nowMs() + days * DayMs) : std::nullopt;
    }
    const std::optional<qint64> expiresMs = m_sentExpiresMs;
    const QString key = m_key.keyFor(name.toUtf8() + '\n' + QByteArray::number(days));
    setPending(true);
    onReady(m_client.createApiKey(m_user.id, name, expiresMs, key), this,
            [this](const Result<auth::CreatedApiKey>& answer) {
                setPending(false);
                if (!answer)
                    return showError(answer.error());
                emit created(*answer);
                accept();
            });
}

void CreateApiKeyDialog::showError(const Error& error)
{
    if (error.field == u"name"_s) {
        m_nameError->setText(tr("At most %n characters.", nullptr, KeyNameCharsMax));
        m_nameError->setToolTip(errorDetails(error));
        m_nameError->show();
        m_name->setFocus(Qt::OtherFocusReason);
    } else if (error.field == u"expires"_s) {
        m_expiryError->setText(tr("Pick a time in the future."));
        m_expiryError->setToolTip(errorDetails(error));
        m_expiryError->show();
        m_expiry->setFocus(Qt::OtherFocusReason);
    } else if (error.field == u"user"_s && error.code == ErrorCode::Conflict) {
        m_messageBar->showError(tr("This user is disabled: a key for them would not work."), errorDetails(error));
    } else {
        m_messageBar->showError(error);
    }
}

void CreateApiKeyDialog::setPending(bool pending)
{
    m_pending = pending;
    m_create->setEnabled(!pending);
    m_create->setText(pending ? tr("Creating…") : tr("&Create key"));
}

} // namespace souk
