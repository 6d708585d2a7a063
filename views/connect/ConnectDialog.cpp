#include "views/connect/ConnectDialog.h"

#include <algorithm>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "backend/core/Async.h"
#include "views/common/MessageBar.h"
#include "views/common/ToneText.h"
#include "views/connect/SecretStore.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int ConnectionRole = Qt::UserRole; ///< the row's index in RecentConnections::list()

} // namespace

ConnectDialog::ConnectDialog(Prefs& prefs, SecretStore& secrets, Purpose purpose, QWidget* parent)
    : QDialog(parent), m_prefs(prefs), m_secrets(secrets), m_recent(prefs), m_purpose(purpose)
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(tr("Connect to a node"));
    m_messageBar = new MessageBar(this);
    auto* intro = new QLabel(purpose == Purpose::Choose
                                 ? tr("You signed out. Connect to a node again, or open the store on this computer.")
                                 : tr("Work on a Souk node (soukd) over HTTPS instead of the store on this computer."),
                             this);
    intro->setObjectName(u"connectIntro"_s);
    intro->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(u"connectButton"_s);
    m_connect->setDefault(true);
    if (purpose == Purpose::Choose) {
        m_local = buttons->addButton(tr("Open this computer's &store"), QDialogButtonBox::ActionRole);
        m_local->setObjectName(u"localStoreButton"_s);
        connect(m_local, &QPushButton::clicked, this, [this] { done(LocalStoreChosen); });
    }
    QPushButton* close =
        buttons->addButton(purpose == Purpose::Choose ? tr("&Quit") : tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(u"closeButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);

    m_formArea = new QWidget(this);
    auto* area = new QVBoxLayout(m_formArea);
    area->setContentsMargins(0, 0, 0, 0);
    area->addWidget(buildRecent());
    area->addWidget(buildForm());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(intro);
    layout->addWidget(m_formArea, 1);
    layout->addWidget(buildProgress());
    layout->addWidget(buttons);
    setMinimumWidth(600);
    fillRecent();
    probeKeychain();
    m_url->setFocus();
}

ConnectDialog::~ConnectDialog() = default;

QWidget* ConnectDialog::buildRecent()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("&Recent connections"), box);
    m_recentList = new QTreeWidget(box);
    m_recentList->setObjectName(u"recentList"_s);
    m_recentList->setRootIsDecorated(false);
    m_recentList->setUniformRowHeights(true);
    m_recentList->setHeaderLabels({tr("Node"), tr("Signed in as"), tr("Last used")});
    m_recentList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_recentList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_recentList->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_recentList->header()->setStretchLastSection(false);
    title->setBuddy(m_recentList);
    m_forget = new QPushButton(tr("&Forget"), box);
    m_forget->setObjectName(u"forgetButton"_s);
    m_forget->setToolTip(tr("Remove the connection from the list and its saved key or session from the keychain"));
    m_forget->setEnabled(false);
    connect(m_recentList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        m_forget->setEnabled(item != nullptr);
        if (item)
            recentChosen(item);
    });
    connect(m_recentList, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        recentChosen(item);
        submit(); // double click or Enter: connect with what was saved
    });
    connect(m_forget, &QPushButton::clicked, this, &ConnectDialog::forgetRecent);
    auto* row = new QHBoxLayout;
    row->addWidget(m_recentList, 1);
    row->addWidget(m_forget, 0, Qt::AlignTop);
    layout->addWidget(title);
    layout->addLayout(row);
    return box;
}

QWidget* ConnectDialog::fieldBox(const QString& name, QWidget* field)
{
    auto* box = new QWidget(field->parentWidget());
    field->setParent(box);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(m_errors.add(name, field));
    return box;
}

QWidget* ConnectDialog::buildForm()
{
    auto* form = new QWidget(this);
    m_url = new QLineEdit(form);
    m_url->setObjectName(u"urlEdit"_s);
    m_url->setPlaceholderText(u"https://node-1.example:8443"_s);
    m_url->setToolTip(tr("A node's address. For a cluster, its nodes' addresses separated by commas: the "
                         "console spreads its work over them and moves off a node that stops answering."));
    m_url->setMaxLength(2048);
    m_policy = new QComboBox(form);
    m_policy->setObjectName(u"policyCombo"_s);
    m_policy->addItem(tr("Each node in turn"), int(NodeBalancer::Policy::RoundRobin));
    m_policy->addItem(tr("The node with the fewest requests waiting"), int(NodeBalancer::Policy::LeastOutstanding));
    m_policy->addItem(tr("One node per merchant"), int(NodeBalancer::Policy::ByMerchant));
    m_policy->setToolTip(tr("Which node each request goes to. One node per merchant keeps a merchant's work on "
                            "one node while it is healthy."));
    connect(m_url, &QLineEdit::textChanged, this, &ConnectDialog::updatePolicyRow);
    m_signInMode = new QRadioButton(tr("Sign in with a &password"), form);
    m_signInMode->setObjectName(u"signInMode"_s);
    m_keyMode = new QRadioButton(tr("Use an &API key"), form);
    m_keyMode->setObjectName(u"apiKeyMode"_s);
    auto* modes = new QButtonGroup(form);
    modes->addButton(m_signInMode);
    modes->addButton(m_keyMode);
    m_signInMode->setChecked(true);

    m_modes = new QStackedWidget(form);
    auto* signIn = new QWidget(m_modes);
    m_user = new QLineEdit(signIn);
    m_user->setObjectName(u"userEdit"_s);
    m_user->setMaxLength(64);
    m_password = new QLineEdit(signIn);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(1024);
    m_code = new QLineEdit(signIn);
    m_code->setObjectName(u"codeEdit"_s);
    m_code->setMaxLength(32);
    m_code->setPlaceholderText(tr("Only if two-step sign-in is on"));
    m_code->setToolTip(tr("The 6-digit code from your authenticator app, or one of your recovery codes."));
    auto* signInForm = new QFormLayout(signIn);
    signInForm->setContentsMargins(0, 0, 0, 0);
    signInForm->addRow(tr("&User name:"), fieldBox(u"user"_s, m_user));
    signInForm->addRow(tr("Pass&word:"), fieldBox(u"password"_s, m_password));
    signInForm->addRow(tr("Co&de:"), fieldBox(u"code"_s, m_code));
    auto* keyPage = new QWidget(m_modes);
    m_key = new QLineEdit(keyPage);
    m_key->setObjectName(u"apiKeyEdit"_s);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setMaxLength(512);
    m_key->setPlaceholderText(u"sk_\u2026"_s);
    auto* keyForm = new QFormLayout(keyPage);
    keyForm->setContentsMargins(0, 0, 0, 0);
    keyForm->addRow(tr("API &key:"), fieldBox(u"apiKey"_s, m_key));
    m_modes->addWidget(signIn);
    m_modes->addWidget(keyPage);
    for (QLineEdit* edit : {m_url, m_user}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_password->setPlaceholderText({});
            m_key->setPlaceholderText(u"sk_\u2026"_s);
        });
    }
    connect(m_signInMode, &QRadioButton::toggled, this, [this](bool on) {
        m_modes->setCurrentIndex(on ? 0 : 1);
        m_errors.clear();
    });

    m_remember = new QCheckBox(tr("&Remember the session or key in this computer's keychain"), form);
    m_remember->setObjectName(u"rememberCheck"_s);
    m_remember->setChecked(true);
    m_keychainLabel = new QLabel(form);
    m_keychainLabel->setObjectName(u"keychainLabel"_s);
    m_keychainLabel->setWordWrap(true);
    setToneText(m_keychainLabel, theme::Tone::Warning);
    m_keychainLabel->hide();

    auto* how = new QHBoxLayout;
    how->addWidget(m_signInMode);
    how->addWidget(m_keyMode);
    how->addStretch(1);
    auto* fields = new QFormLayout;
    m_fields = fields;
    fields->addRow(tr("&Node URL:"), fieldBox(u"url"_s, m_url));
    fields->addRow(tr("Spread &requests:"), m_policy);
    fields->setRowVisible(m_policy, false);
    fields->addRow(QString(), how);
    auto* layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(fields);
    layout->addWidget(m_modes);
    layout->addWidget(m_remember);
    layout->addWidget(m_keychainLabel);
    // the labels of both forms line up with the URL's
    const int labelWidth = std::max({fields->itemAt(0, QFormLayout::LabelRole)->sizeHint().width(),
                                     signInForm->itemAt(0, QFormLayout::LabelRole)->sizeHint().width(),
                                     signInForm->itemAt(1, QFormLayout::LabelRole)->sizeHint().width(),
                                     keyForm->itemAt(0, QFormLayout::LabelRole)->sizeHint().width()});
    for (QFormLayout* f : {fields, signInForm, keyForm}) {
        for (int row = 0; row < f->rowCount(); ++row) {
            if (QLayoutItem* label = f->itemAt(row, QFormLayout::LabelRole); label && label->widget())
                label->widget()->setMinimumWidth(labelWidth);
        }
    }
    return form;
}

QWidget* ConnectDialog::buildProgress()
{
    m_progressRow = new QWidget(this);
    m_progressRow->setObjectName(u"progressRow"_s);
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setObjectName(u"connectProgress"_s);
    m_progress->setRange(0, 0); // busy: how long a node takes is not known
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_status = new QLabel(m_progressRow);
    m_status->setObjectName(u"connectStatus"_s);
    m_stop = new QPushButton(tr("&Stop"), m_progressRow);
    m_stop->setObjectName(u"stopButton"_s);
    m_stop->setAutoDefault(false);
    connect(m_stop, &QPushButton::clicked, this, &ConnectDialog::stop);
    auto* layout = new QHBoxLayout(m_progressRow);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* text = new QVBoxLayout;
    text->addWidget(m_status);
    text->addWidget(m_progress);
    layout->addLayout(text, 1);
    layout->addWidget(m_stop);
    m_progressRow->hide();
    return m_progressRow;
}

void ConnectDialog::fillRecent()
{
    m_recentList->clear();
    const QList<RecentConnection> all = m_recent.list();
    for (int i = 0; i < all.size(); ++i) {
        const RecentConnection& c = all[i];
        auto* item = new QTreeWidgetItem(m_recentList);
        //: a recent connection to a cluster; %1 = its first node's URL, %n = how many more nodes
        item->setText(0, c.otherNodes.isEmpty()
                             ? c.url.toString()
                             : tr("%1 and %n more", nullptr, int(c.otherNodes.size())).arg(c.url.toString()));
        //: who a recent connection acted as; %1 = the API key's user
        item->setText(1, c.kind == RecentConnection::Kind::ApiKey ? tr("API key (%1)").arg(c.user) : c.user);
        item->setText(2, QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.lastUsedMs), QLocale::ShortFormat));
        item->setData(0, ConnectionRole, i);
    }
    // as tall as its rows, up to five: the form below stays in view
    const int rowHeight = std::max(m_recentList->fontMetrics().height() + 6, 20);
    m_recentList->setFixedHeight(m_recentList->header()->sizeHint().height() + 6 +
                                 rowHeight * std::clamp(int(all.size()), 2, 5));
    m_recentList->setVisible(!all.isEmpty());
    m_forget->setVisible(!all.isEmpty());
    m_recentList->parentWidget()->setVisible(!all.isEmpty());
    m_forget->setEnabled(false);
}

void ConnectDialog::recentChosen(QTreeWidgetItem* item)
{
    const QList<RecentConnection> all = m_recent.list();
    const int i = item->data(0, ConnectionRole).toInt();
    if (i < 0 || i >= all.size())
        return;
    const RecentConnection& c = all[i];
    m_errors.clear();
    QStringList nodes;
    for (const QUrl& node : c.nodes())
        nodes << node.toString();
    m_url->setText(nodes.join(u", "_s));
    m_url->setCursorPosition(0); // the first node in view, not the end of the list
    // the policy saved with it; round robin when none was (one node, or an older entry)
    const int policy = m_policy->findData(int(NodeBalancer::policyNamed(c.policy)));
    m_policy->setCurrentIndex(std::max(0, policy));
    setKind(c.kind);
    m_user->setText(c.kind == RecentConnection::Kind::Session ? c.user : QString());
    m_password->clear();
    m_code->clear();
    m_key->clear();
    // what was saved is used when nothing is typed; the placeholders say so until the form changes
    m_password->setPlaceholderText(tr("Empty: the saved session, if there is one"));
    m_key->setPlaceholderText(tr("Empty: the saved key, if there is one"));
}

void ConnectDialog::setKind(RecentConnection::Kind kind)
{
    (kind == RecentConnection::Kind::ApiKey ? m_keyMode : m_signInMode)->setChecked(true);
}

void ConnectDialog::forgetRecent()
{
    QTreeWidgetItem* item = m_recentList->currentItem();
    const QList<RecentConnection> all = m_recent.list();
    const int i = item ? item->data(0, ConnectionRole).toInt() : -1;
    if (i < 0 || i >= all.size())
        return;
    const RecentConnection gone = all[i];
    m_recent.forget(gone);
    onReady(m_secrets.remove(gone.account()), this, [this](const Result<bool>& removed) {
        if (!removed && removed.error().code != ErrorCode::Unavailable)
            m_messageBar->showError(tr("The saved key or session could not be removed from the keychain."),
                                    removed.error().message);
    });
    fillRecent();
    m_messageBar->showInfo(tr("Forgot the connection to %1.").arg(gone.url.toString()));
}

void ConnectDialog::probeKeychain()
{
    onReady(m_secrets.probe(), this, [this](const Result<bool>& available) {
        m_keychainAvailable = bool(available);
        if (available)
            return;
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
        m_keychainLabel->setText(tr("No keychain service is available on this computer, so Souk cannot remember "
                                    "keys or sessions: you enter them each time. (Souk never writes them to a "
                                    "plain file.)"));
        m_keychainLabel->setToolTip(available.error().message);
        m_keychainLabel->show();
    });
}

void ConnectDialog::setBusy(bool busy, const QString& status)
{
    m_busy = busy;
    m_formArea->setEnabled(!busy);
    m_connect->setEnabled(!busy);
    if (m_local)
        m_local->setEnabled(!busy);
    m_progressRow->setVisible(busy);
    m_status->setText(status);
    if (busy)
        m_stop->setFocus();
}

void ConnectDialog::reject()
{
    if (m_busy) {
        stop(); // Escape stops the attempt; a second one closes
        return;
    }
    QDialog::reject();
}

} // namespace souk
