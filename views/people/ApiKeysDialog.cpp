#include "views/people/ApiKeysDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/people/UserText.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/common/Tables.h"
#include "views/people/CreateApiKeyDialog.h"
#include "views/people/OneTimeSecretDialog.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int ReloadDelayMs = 300;

} // namespace

ApiKeysDialog::ApiKeysDialog(Client& client, const auth::User& user, QWidget* parent, const Clock& clock)
    : QDialog(parent), m_client(client), m_clock(clock), m_user(user)
{
    setObjectName(u"apiKeysDialog"_s);
    //: %1 is a user name
    setWindowTitle(tr("API keys of %1").arg(user.name));
    //: %1 is a user name
    auto* intro = new QLabel(tr("Programs use these keys to act as %1. A key's secret was shown once, when it was "
                                "made; here you see how it starts.")
                                 .arg(user.name),
                             this);
    intro->setWordWrap(true);
    m_messageBar = new MessageBar(this);
    m_table = Tables::readOnly(this, u"apiKeysTable"_s,
                               {tr("Key", "API key"), tr("Name", "API key name"), tr("Created"), tr("Expires"),
                                tr("Last used"), tr("State", "API key state")});
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_noKeys = new QLabel(tr("No API keys yet."), this);
    m_noKeys->setObjectName(u"noKeysLabel"_s);
    m_noKeys->setAlignment(Qt::AlignCenter);
    m_noKeys->setForegroundRole(QPalette::PlaceholderText);
    m_noKeys->hide();

    m_create = new QPushButton(tr("&Create key…"), this);
    m_create->setObjectName(u"createKeyButton"_s);
    m_revoke = new QPushButton(tr("&Revoke…"), this);
    m_revoke->setObjectName(u"revokeKeyButton"_s);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &ApiKeysDialog::createKey);
    connect(m_revoke, &QPushButton::clicked, this, &ApiKeysDialog::revokeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ApiKeysDialog::updateButtons);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_create);
    bottom->addWidget(m_revoke);
    bottom->addStretch(1);
    bottom->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_noKeys, 1);
    layout->addLayout(bottom);
    resize(820, 380);

    m_reloadSoon = new QTimer(this);
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(ReloadDelayMs);
    connect(m_reloadSoon, &QTimer::timeout, this, &ApiKeysDialog::reload);
    connect(&m_client, &Client::changed, this, [this](const ChangeList& changes) {
        for (const Change& c : changes) {
            // a key made or revoked elsewhere, or the user disabled (which revokes its keys)
            if (c.entity == u"api_key"_s || (c.entity == u"user"_s && c.id == m_user.id)) {
                if (!m_reloadSoon->isActive())
                    m_reloadSoon->start();
                return;
            }
        }
    });
    updateButtons();
    reload();
}

void ApiKeysDialog::reload()
{
    m_reloadSoon->stop();
    const int generation = ++m_generation;
    onReady(m_client.apiKeys(m_user.id), this, [this, generation](const Result<QList<auth::ApiKeyInfo>>& keys) {
        if (generation != m_generation)
            return; // a newer reload() asked again
        if (!keys) {
            m_messageBar->showError(keys.error());
            m_messageBar->setAction(tr("Read again"), [this] { reload(); });
            return;
        }
        const auth::ApiKeyInfo* selected = selectedKey(); // by id: rows move when a key is made
        const Id selectedId = selected ? selected->id : Id{};
        m_keys = *keys;
        present(selectedId);
        emit loaded();
    });
}

void ApiKeysDialog::present(Id selected)
{
    const qint64 now = m_clock.nowMs();
    const QBrush muted = palette().brush(QPalette::PlaceholderText);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_table->clearSelection();
    m_table->setRowCount(int(m_keys.size()));
    for (int r = 0; r < m_keys.size(); ++r) {
        const auth::ApiKeyInfo& k = m_keys[r];
        const UserText::KeyState state = UserText::keyState(k, now);
        Tables::setRow(m_table, r,
                       {UserText::keyPrefix(k.prefix), k.name, UserText::timeOr(k.createdMs, {}),
                        UserText::timeOr(k.expiresMs, UserText::never()),
                        UserText::timeOr(k.lastUsedMs, UserText::never()), UserText::keyState(state)});
        if (state != UserText::KeyState::Active) {
            for (int c = 0; c < ColumnCount; ++c)
                m_table->item(r, c)->setForeground(muted); // no longer works: it steps back
        }
        m_table->item(r, Key)->setFont(fixed); // 0 and O, l and I differ
        if (k.revokedMs)
            //: %1 is a date and time
            m_table->item(r, State)->setToolTip(tr("Revoked on %1").arg(UserText::timeOr(k.revokedMs, {})));
        if (!selected.isNull() && k.id == selected)
            m_table->selectRow(r);
    }
    // every column but the name as wide as its widest cell, so times and key starts read whole
    for (int c = 0; c < ColumnCount; ++c) {
        if (c != Name)
            m_table->resizeColumnToContents(c);
    }
    m_noKeys->setVisible(m_keys.isEmpty());
    m_table->setVisible(!m_keys.isEmpty());
    updateButtons();
}

const auth::ApiKeyInfo* ApiKeysDialog::selectedKey() const
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return nullptr;
    const int row = items.first()->row();
    return row >= 0 && row < m_keys.size() ? &m_keys[row] : nullptr;
}

void ApiKeysDialog::updateButtons()
{
    const bool disabled = m_user.isDisabled();
    m_create->setEnabled(!disabled);
    m_create->setToolTip(disabled ? tr("This user is disabled: a key for them would not work.") : QString());
    const auth::ApiKeyInfo* key = selectedKey();
    m_revoke->setEnabled(key && !key->revokedMs);
}

void ApiKeysDialog::createKey()
{
    auto* dialog = new CreateApiKeyDialog(m_client, m_user, this, m_clock);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateApiKeyDialog::created, this, &ApiKeysDialog::onCreated);
    dialog->open();
}

void ApiKeysDialog::onCreated(const auth::CreatedApiKey& key)
{
    reload();
    //: %1 is the key's name, %2 a user name
    m_messageBar->showSuccess(tr("Made the key “%1” for %2.").arg(key.info.name, m_user.name));
    auto* shown = new OneTimeSecretDialog(
        tr("New API key"),
        //: %1 is the key's name, %2 a user name
        tr("The key “%1” acts as %2, with their role. Put it in the settings of the program that uses it.")
            .arg(key.info.name, m_user.name),
        key.secret,
        tr("This is the only time Souk shows this key: it keeps only a fingerprint of it. Copy it now; if it is "
           "lost, revoke it and make a new one."),
        tr("Done"), this);
    shown->setObjectName(u"apiKeySecretDialog"_s);
    shown->open();
}

void ApiKeysDialog::revokeSelected()
{
    const auth::ApiKeyInfo* key = selectedKey();
    if (!key || key->revokedMs)
        return;
    const Id id = key->id;
    //: %1 is the key's name, %2 how the key starts ("sk_AbCd1234…")
    const QString question = tr("Revoke the key “%1” (%2)? Programs that use it are refused from now on. This "
                                "cannot be undone.")
                                 .arg(key->name, UserText::keyPrefix(key->prefix));
    if (!Dialogs::confirm(this, tr("Revoke API key"), question, tr("Revoke")))
        return;
    m_revoke->setEnabled(false);
    onReady(m_client.revokeApiKey(id), this, [this](const Result<auth::ApiKeyInfo>& revoked) {
        if (!revoked) {
            m_messageBar->showError(revoked.error());
            updateButtons();
            return;
        }
        //: %1 is the key's name
        m_messageBar->showSuccess(tr("Revoked the key “%1”.").arg(revoked->name));
        reload();
    });
}

} // namespace souk
