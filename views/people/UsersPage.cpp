#include "views/people/UsersPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/people/UserListModel.h"
#include "models/people/UserText.h"
#include "views/common/MessageBar.h"
#include "views/people/AddUserDialog.h"
#include "views/people/ApiKeysDialog.h"
#include "views/people/OneTimeSecretDialog.h"
#include "views/people/ReasonDialog.h"
#include "views/people/TotpSetupDialog.h"

using namespace Qt::StringLiterals;
using souk::auth::Operation;

namespace souk {
namespace {

QPushButton* toolButton(const QString& text, const QString& name, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(name);
    return button;
}

} // namespace

UsersPage::UsersPage(Client& client, QWidget* parent) : QWidget(parent), m_client(client)
{
    setObjectName(u"usersPage"_s);
    m_model = new UserListModel(client, this);
    buildUi();
    connect(m_model, &UserListModel::loadFailed, this, &UsersPage::onLoadFailed);
    connect(m_model, &UserListModel::loaded, this, [this] {
        if (!m_selectWhenShown.isNull())
            selectUser(m_selectWhenShown);
        fitColumns();
        showScope(); // the first user changes what the page says
        updateButtons();
    });
    // a row's state changes under the selection (disabled, two-step reset): the buttons follow
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UsersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &UsersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersPage::updateButtons);
    connect(&m_client, &Client::principalChanged, this, [this] {
        m_messageBar->clearMessage();
        showScope();
        updateButtons();
    });
    showScope();
    updateButtons();
    if (may(Operation::ListUsers))
        m_model->reload();
}

void UsersPage::buildUi()
{
    m_scope = new QLabel(this);
    m_scope->setObjectName(u"scopeLabel"_s);
    m_scope->setWordWrap(true);
    m_messageBar = new MessageBar(this);
    m_add = toolButton(tr("&Add user…"), u"addUserButton"_s, this);
    m_disable = toolButton(tr("&Disable…", "disable a user"), u"disableUserButton"_s, this);
    m_resetTotp = toolButton(tr("&Reset two-step…"), u"resetTotpButton"_s, this);
    m_resetTotp->setToolTip(tr("Turn off the user's two-step sign-in, for a lost phone; they set it up again"));
    m_apiKeys = toolButton(tr("API &keys…"), u"apiKeysButton"_s, this);
    m_setupTotp = toolButton(tr("Set up &two-step sign-in…"), u"setupTotpButton"_s, this);
    connect(m_add, &QPushButton::clicked, this, &UsersPage::addUser);
    connect(m_disable, &QPushButton::clicked, this, &UsersPage::disableSelected);
    connect(m_resetTotp, &QPushButton::clicked, this, &UsersPage::resetSelectedTotp);
    connect(m_apiKeys, &QPushButton::clicked, this, &UsersPage::openApiKeys);
    connect(m_setupTotp, &QPushButton::clicked, this, &UsersPage::setUpTotp);
    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(m_add);
    toolbar->addWidget(m_disable);
    toolbar->addWidget(m_resetTotp);
    toolbar->addWidget(m_apiKeys);
    toolbar->addStretch(1);
    toolbar->addWidget(m_setupTotp); // about oneself, apart from the buttons about the selected user

    m_table = new QTableView(this);
    m_table->setObjectName(u"usersTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between rows
    m_table->setAccessibleName(tr("Users"));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(UserListModel::Name, QHeaderView::Stretch);
    header->setMinimumSectionSize(90);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPage::updateButtons);
    connect(m_table, &QTableView::activated, this, [this] {
        if (m_apiKeys->isEnabled())
            openApiKeys();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_scope);
    layout->addLayout(toolbar);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_table, 1);
}

bool UsersPage::may(Operation op) const
{
    const auth::Principal me = m_client.principal();
    return me.isAuthenticated() && auth::allowed(me.role, op);
}

void UsersPage::showScope()
{
    const auth::Principal me = m_client.principal();
    if (!may(Operation::ListUsers))
        m_scope->setText(tr("Your role does not manage people. You can set up two-step sign-in for yourself."));
    else if (me.via == auth::Via::Local && m_model->rowCount() == 0)
        m_scope->setText(tr("This store has no users yet: whoever opens it is its owner, without a password. Add a "
                            "user to make everyone sign in, from the next start of Souk on."));
    else if (!me.merchantId.isNull())
        m_scope->setText(tr("The people of your merchant. You add owners and staff, disable them, reset their "
                            "two-step sign-in and manage their API keys."));
    else
        m_scope->setText(tr("Everyone who signs in to this store, for every merchant."));
}

const auth::User* UsersPage::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->userAt(rows.first().row());
}

void UsersPage::selectUser(Id userId)
{
    const int row = m_model->rowOf(userId);
    if (row < 0) {
        m_selectWhenShown = userId;
        return;
    }
    m_selectWhenShown = Id{};
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void UsersPage::fitColumns()
{
    // every column but the name as wide as its widest cell: dates and counts read whole, the
    // name takes the rest
    for (int c = 0; c < UserListModel::ColumnCount; ++c) {
        if (c != UserListModel::Name)
            m_table->resizeColumnToContents(c);
    }
}

void UsersPage::updateButtons()
{
    const auth::Principal me = m_client.principal();
    const auth::User* user = selectedUser();
    const bool self = user && !me.userId.isNull() && user->id == me.userId;
    m_add->setEnabled(may(Operation::AddUser));
    m_disable->setEnabled(may(Operation::DisableUser) && user && !user->isDisabled() && !self);
    m_disable->setToolTip(self ? tr("You cannot disable yourself: ask another owner or an administrator")
                               : tr("Stop the user from signing in; their API keys stop working"));
    m_resetTotp->setEnabled(may(Operation::ResetTotp) && user && user->totpEnabled);
    m_apiKeys->setEnabled(may(Operation::ListApiKeys) && user);
    const bool isUser = !me.userId.isNull(); // the store's own owner has no phone to enrol
    m_setupTotp->setEnabled(isUser && may(Operation::EnrolTotp));
    m_setupTotp->setToolTip(isUser ? tr("Ask for a code from an authenticator app after your password")
                                   : tr("Two-step sign-in belongs to a user: add one for yourself and sign in as it"));
}

void UsersPage::onLoadFailed(const Error& error)
{
    if (error.code == ErrorCode::Forbidden || error.code == ErrorCode::Unauthenticated)
        return showScope(); // signed out, or a role that may not list people: the label says so
    m_messageBar->showError(error);
    m_messageBar->setAction(tr("Read again"), [this] { m_model->reload(); });
}

void UsersPage::addUser()
{
    auto* dialog = new AddUserDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddUserDialog::added, this, &UsersPage::onUserAdded);
    dialog->open();
}

void UsersPage::onUserAdded(const auth::AddedUser& added)
{
    const QString name = added.user.name;
    //: %1 is a user name, %2 a role ("Staff")
    m_messageBar->showSuccess(tr("Added %1 as %2.").arg(name, UserText::role(added.user.role)));
    selectUser(added.user.id);
    m_model->reload();
    if (added.oneTimePassword.isEmpty())
        return;
    auto* shown = new OneTimeSecretDialog(
        tr("One-time password"),
        //: %1 is a user name
        tr("Hand this password to %1 in person, or over a channel only they read. They sign in with the name "
           "“%1” and this password once, and then choose their own.")
            .arg(name),
        added.oneTimePassword,
        tr("This is the only time Souk shows this password: it keeps only a hash of it. If it is lost before they "
           "sign in, disable the user and add them again."),
        tr("Done"), this);
    shown->setObjectName(u"oneTimePasswordDialog"_s);
    shown->open();
}

void UsersPage::disableSelected()
{
    const auth::User* user = selectedUser();
    if (!user || !m_disable->isEnabled())
        return;
    const Id id = user->id;
    const QString name = user->name;
    auto* ask = new ReasonDialog(
        tr("Disable user"),
        //: %1 is a user name
        tr("Disable %1? They are signed out, cannot sign in again, and their API keys stop working.").arg(name),
        tr("Disable", "disable a user"), this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QDialog::accepted, this, [this, ask, id, name] {
        m_disable->setEnabled(false);
        onReady(m_client.disableUser(id, ask->reason()), this, [this, name](const Result<auth::User>& done) {
            if (!done) {
                m_messageBar->showError(done.error());
                return updateButtons();
            }
            //: %1 is a user name
            m_messageBar->showSuccess(tr("Disabled %1.").arg(name));
            m_model->reload();
        });
    });
    ask->open();
}

void UsersPage::resetSelectedTotp()
{
    const auth::User* user = selectedUser();
    if (!user || !m_resetTotp->isEnabled())
        return;
    const Id id = user->id;
    const QString name = user->name;
    auto* ask = new ReasonDialog(tr("Reset two-step sign-in"),
                                 //: %1 is a user name
                                 tr("Reset the two-step sign-in of %1? Their authenticator app and recovery codes "
                                    "stop working, and they sign in with their password alone until they set it "
                                    "up again.")
                                     .arg(name),
                                 tr("Reset"), this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QDialog::accepted, this, [this, ask, id, name] {
        m_resetTotp->setEnabled(false);
        onReady(m_client.resetTotp(id, ask->reason()), this, [this, name](const Result<auth::User>& done) {
            if (!done) {
                m_messageBar->showError(done.error());
                return updateButtons();
            }
            //: %1 is a user name
            m_messageBar->showSuccess(tr("Two-step sign-in of %1 is off. They can set it up again.").arg(name));
            m_model->reload();
        });
    });
    ask->open();
}

void UsersPage::openApiKeys()
{
    const auth::User* user = selectedUser();
    if (!user)
        return;
    auto* dialog = new ApiKeysDialog(m_client, *user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void UsersPage::setUpTotp()
{
    auto* dialog = new TotpSetupDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TotpSetupDialog::enabled, this, [this] {
        m_messageBar->showSuccess(tr("Two-step sign-in is on for you."));
        m_model->reload();
    });
    dialog->open();
}

} // namespace souk
