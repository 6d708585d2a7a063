#include "views/people/AddUserDialog.h"

#include <QComboBox>
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
#include "models/people/UserText.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

// what the store checks too; checked here first so a typo costs no round trip
constexpr int NameCharsMax = 64;
constexpr int PasswordCharsMin = 12;
constexpr int PasswordBytesMax = 1024;

const QString NameField = u"name"_s;
const QString RoleField = u"role"_s;
const QString MerchantField = u"merchant"_s;
const QString PasswordField = u"password"_s;

} // namespace

AddUserDialog::AddUserDialog(Client& client, QWidget* parent) : QDialog(parent), m_client(client)
{
    setObjectName(u"addUserDialog"_s);
    setWindowTitle(tr("Add user"));
    m_messageBar = new MessageBar(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("&Add user"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(u"addButton"_s);
    m_add->setDefault(true);
    connect(m_add, &QPushButton::clicked, this, &AddUserDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(buildForm());
    layout->addStretch(1);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    onRoleChanged();
    if (picksMerchant())
        loadMerchants();
    m_name->setFocus();
}

bool AddUserDialog::picksMerchant() const
{
    // a merchant's owner adds to its own merchant; a platform principal names one
    return m_client.principal().merchantId.isNull();
}

QWidget* AddUserDialog::buildForm()
{
    auto* form = new QWidget(this);
    auto* grid = new QFormLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_name = new QLineEdit(form);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setMaxLength(NameCharsMax);
    m_name->setPlaceholderText(tr("e.g. ana or ana@example.com"));
    grid->addRow(tr("&Name:", "user name"), m_name);
    grid->addRow(QString(), m_errors.add(NameField, m_name));

    m_role = new QComboBox(form);
    m_role->setObjectName(u"roleCombo"_s);
    for (auth::Role role : auth::AllRoles) {
        if (picksMerchant() || auth::isMerchantRole(role)) {
            m_role->addItem(UserText::role(role), int(role));
            m_role->setItemData(m_role->count() - 1, UserText::roleDescription(role), Qt::ToolTipRole);
        }
    }
    m_role->setCurrentIndex(m_role->findData(int(auth::Role::Staff)));
    auto* roleHint = new QLabel(form);
    roleHint->setObjectName(u"roleHint"_s);
    roleHint->setWordWrap(true);
    roleHint->setForegroundRole(QPalette::PlaceholderText);
    connect(m_role, &QComboBox::currentIndexChanged, this, [this, roleHint] {
        roleHint->setText(UserText::roleDescription(auth::Role(m_role->currentData().toInt())));
        onRoleChanged();
    });
    roleHint->setText(UserText::roleDescription(auth::Role(m_role->currentData().toInt())));
    grid->addRow(tr("&Role:"), m_role);
    grid->addRow(QString(), roleHint);
    grid->addRow(QString(), m_errors.add(RoleField, m_role));

    m_merchant = new QComboBox(form);
    m_merchant->setObjectName(u"merchantCombo"_s);
    m_merchant->setPlaceholderText(tr("Loading…"));
    m_merchantLabel = new QLabel(tr("&Merchant:"), form);
    m_merchantLabel->setBuddy(m_merchant);
    grid->addRow(m_merchantLabel, m_merchant);
    grid->addRow(QString(), m_errors.add(MerchantField, m_merchant));

    m_password = new QLineEdit(form);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Empty: Souk makes a one-time password"));
    auto* passwordHint = new QLabel(tr("At least %n characters. Leave it empty and Souk makes a one-time password, "
                                       "shown to you once, for you to hand over.",
                                       nullptr, PasswordCharsMin),
                                    form);
    passwordHint->setObjectName(u"passwordHint"_s);
    passwordHint->setWordWrap(true);
    passwordHint->setForegroundRole(QPalette::PlaceholderText);
    grid->addRow(tr("&Password:"), m_password);
    grid->addRow(QString(), passwordHint);
    grid->addRow(QString(), m_errors.add(PasswordField, m_password));

    connect(m_name, &QLineEdit::textEdited, m_errors.label(NameField), &QWidget::hide);
    connect(m_password, &QLineEdit::textEdited, m_errors.label(PasswordField), &QWidget::hide);
    connect(m_merchant, &QComboBox::currentIndexChanged, m_errors.label(MerchantField), &QWidget::hide);
    return form;
}

void AddUserDialog::loadMerchants()
{
    onReady(m_client.merchants(), this, [this](const Result<QList<catalog::Merchant>>& merchants) {
        m_merchant->setPlaceholderText(tr("Pick a merchant"));
        if (!merchants) {
            m_messageBar->showError(tr("The merchants could not be read."), errorDetails(merchants.error()));
            return;
        }
        for (const catalog::Merchant& m : *merchants)
            m_merchant->addItem(m.name, m.id.value);
        if (m_merchant->count() == 1) // nothing to pick
            m_merchant->setCurrentIndex(0);
    });
}

void AddUserDialog::onRoleChanged()
{
    const bool shown = picksMerchant() && auth::isMerchantRole(auth::Role(m_role->currentData().toInt()));
    m_merchantLabel->setVisible(shown);
    m_merchant->setVisible(shown);
    if (!shown)
        m_errors.label(MerchantField)->hide();
    m_errors.label(RoleField)->hide();
}

std::optional<auth::NewUser> AddUserDialog::check()
{
    static const QRegularExpression allowed(u"^[A-Za-z0-9._@-]+$"_s);
    m_errors.clear();
    m_messageBar->clearMessage();
    auth::NewUser user;
    user.name = m_name->text().trimmed();
    user.role = auth::Role(m_role->currentData().toInt());
    user.password = m_password->text();
    const qsizetype passwordChars = user.password.toUcs4().size(); // as the user counts: an emoji is one
    // shown bottom up, so the focus ends on the first wrong field
    bool ok = true;
    if (!user.password.isEmpty() && passwordChars < PasswordCharsMin) {
        m_errors.show(PasswordField, tr("At least %n characters, or leave it empty for a one-time password.", nullptr,
                                        PasswordCharsMin));
        ok = false;
    } else if (user.password.toUtf8().size() > PasswordBytesMax) {
        m_errors.show(PasswordField, tr("This password is too long."));
        ok = false;
    }
    if (auth::isMerchantRole(user.role)) {
        if (!picksMerchant()) {
            user.merchantId = m_client.principal().merchantId;
        } else if (m_merchant->currentIndex() < 0) {
            m_errors.show(MerchantField, tr("Pick the merchant this user works for."));
            ok = false;
        } else {
            user.merchantId = Id{m_merchant->currentData().toLongLong()};
        }
    }
    if (user.name.isEmpty()) {
        m_errors.show(NameField, tr("Enter a name to sign in with."));
        ok = false;
    } else if (!allowed.match(user.name).hasMatch()) {
        m_errors.show(NameField, tr("Use letters, digits and . _ @ - only: no spaces or accents."));
        ok = false;
    }
    if (!ok)
        return std::nullopt;
    return user;
}

void AddUserDialog::submit()
{
    if (m_pending)
        return; // a second click while the first is on its way
    const auto user = check();
    if (!user)
        return;
    // the same user asked for again after an answer that never came: the same key, so the one-time
    // password made the first time is answered again
    const QString key = m_key.keyFor(user->name.toUtf8() + '\n' + auth::roleName(user->role).toUtf8() + '\n' +
                                     user->merchantId.toString().toUtf8() + '\n' + user->password.toUtf8());
    setPending(true);
    onReady(m_client.addUser(*user, key), this, [this](const Result<auth::AddedUser>& result) { onAnswer(result); });
}

void AddUserDialog::onAnswer(const Result<auth::AddedUser>& result)
{
    setPending(false);
    if (!result) {
        showStoreError(result.error());
        return;
    }
    m_password->clear(); // nothing of it stays in this window
    emit added(*result);
    accept();
}

void AddUserDialog::showStoreError(const Error& error)
{
    const QString details = errorDetails(error);
    const QString name = m_name->text().trimmed();
    if (error.field == NameField && error.code == ErrorCode::Duplicate)
        //: %1 is a user name
        m_errors.show(NameField, tr("A user called “%1” exists already. Pick another name.").arg(name), details);
    else if (error.field == NameField)
        m_errors.show(NameField,
                      tr("Use letters, digits and . _ @ - only, at most %n characters.", nullptr, NameCharsMax),
                      details);
    else if (error.field == PasswordField)
        m_errors.show(
            PasswordField,
            tr("At least %n characters, or leave it empty for a one-time password.", nullptr, PasswordCharsMin),
            details);
    else if (error.field == MerchantField && m_merchant->isVisible())
        m_errors.show(MerchantField,
                      error.code == ErrorCode::Forbidden ? tr("You can add people to your own merchant only.")
                                                         : tr("Pick the merchant this user works for."),
                      details);
    else if (error.field == RoleField)
        m_errors.show(RoleField,
                      error.code == ErrorCode::Forbidden ? tr("You can add owners and staff only.")
                                                         : tr("Pick a role."),
                      details);
    else
        m_messageBar->showError(error);
}

void AddUserDialog::setPending(bool pending)
{
    m_pending = pending;
    m_add->setEnabled(!pending);
    m_add->setText(pending ? tr("Adding…") : tr("&Add user"));
    if (pending)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

} // namespace souk
