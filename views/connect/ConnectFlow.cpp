// ConnectDialog's connection flow: validation, the saved secret, connecting, signing in, the
// certificate's trust, and keeping the secret. The form itself is in ConnectDialog.cpp.
#include "views/connect/ConnectDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QRegularExpression>

#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "views/common/MessageBar.h"
#include "views/connect/SecretStore.h"
#include "views/connect/TrustDialog.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// The node's URL as typed: "node-1:8443" means https://node-1:8443.
QUrl urlOf(const QString& typed)
{
    const QString text = typed.trimmed();
    return QUrl(text.contains(u"://"_s) ? text : u"https://"_s + text, QUrl::StrictMode);
}

constexpr int MaxNodes = 16;

} // namespace

void ConnectDialog::submit()
{
    if (m_busy)
        return; // one attempt at a time: Enter pressed twice is one connection
    m_messageBar->clearMessage();
    std::optional<Attempt> attempt = validated();
    if (!attempt)
        return;
    if (attempt->secret.isEmpty()) {
        // nothing typed: the session or key saved for this connection, if the keychain has it
        if (const std::optional<RecentConnection> saved = savedFor(*attempt); saved && m_keychainAvailable) {
            readSaved(*attempt, *saved);
            return;
        }
        if (attempt->kind == RecentConnection::Kind::ApiKey)
            m_errors.show(u"apiKey"_s, tr("Paste the API key."));
        else
            m_errors.show(u"password"_s, tr("Enter your password."));
        return;
    }
    start(*attempt);
}

std::optional<ConnectDialog::Attempt> ConnectDialog::validated()
{
    m_errors.clear();
    Attempt a;
    a.kind = m_keyMode->isChecked() ? RecentConnection::Kind::ApiKey : RecentConnection::Kind::Session;
    a.policy = NodeBalancer::Policy(m_policy->currentData().toInt());
    bool ok = true;
    // the first field in error takes the focus: check from the bottom up
    if (a.kind == RecentConnection::Kind::ApiKey) {
        a.secret = m_key->text().trimmed();
        static const QRegularExpression blank(u"\\s"_s);
        if (a.secret.contains(blank)) {
            m_errors.show(u"apiKey"_s, tr("An API key has no spaces: paste it again."));
            ok = false;
        }
    } else {
        a.user = m_user->text().trimmed();
        a.password = m_password->text();
        a.secret = a.password;
        a.code = m_code->text().trimmed();
        if (a.user.isEmpty()) {
            m_errors.show(u"user"_s, tr("Enter your user name."));
            ok = false;
        }
    }
    const QList<QUrl> nodes = typedNodes();
    if (nodes.isEmpty() || !ok)
        return std::nullopt;
    a.url = nodes.first();
    a.otherNodes = nodes.mid(1);
    return a;
}

QList<QUrl> ConnectDialog::typedNodes()
{
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    const QStringList typed = m_url->text().split(separators, Qt::SkipEmptyParts);
    if (typed.isEmpty()) {
        m_errors.show(u"url"_s, tr("Enter the node's address, such as https://node-1.example:8443."));
        return {};
    }
    if (typed.size() > MaxNodes) {
        m_errors.show(u"url"_s, tr("A connection holds at most %n nodes.", nullptr, MaxNodes));
        return {};
    }
    QList<QUrl> nodes;
    for (const QString& one : typed) {
        const QUrl url = urlOf(one);
        if (url.scheme() != u"https"_s) {
            //: %1 = what was typed
            m_errors.show(u"url"_s, typed.size() == 1
                                        ? tr("Souk talks to nodes over HTTPS only: the address starts with https://.")
                                        : tr("Souk talks to nodes over HTTPS only: \u201c%1\u201d does not start "
                                             "with https://.")
                                              .arg(one));
            return {};
        }
        if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
            (!url.path().isEmpty() && url.path() != u"/"_s) || url.hasQuery() || url.hasFragment()) {
            //: %1 = what was typed
            m_errors.show(u"url"_s,
                          typed.size() == 1
                              ? tr("This is not a node's address. Write it as https://HOST:PORT.")
                              : tr("\u201c%1\u201d is not a node's address. Write it as https://HOST:PORT.").arg(one));
            return {};
        }
        const QUrl node = RecentConnections::normalised(url);
        if (nodes.contains(node)) {
            //: %1 = the node's URL
            m_errors.show(u"url"_s, tr("%1 is listed twice.").arg(node.toString()));
            return {};
        }
        nodes.append(node);
    }
    return nodes;
}

void ConnectDialog::updatePolicyRow()
{
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    const bool several = m_url->text().split(separators, Qt::SkipEmptyParts).size() > 1;
    if (m_fields->isRowVisible(m_policy) != several)
        m_fields->setRowVisible(m_policy, several);
}

std::optional<RecentConnection> ConnectDialog::savedFor(const Attempt& attempt) const
{
    for (const RecentConnection& c : m_recent.list()) {
        if (c.url != attempt.url || c.kind != attempt.kind)
            continue;
        // a session is the user's; a key is the one saved for this node (the newest, if several)
        if (c.kind == RecentConnection::Kind::ApiKey || c.user == attempt.user)
            return c;
    }
    return std::nullopt;
}

void ConnectDialog::readSaved(Attempt attempt, const RecentConnection& saved)
{
    const int id = ++m_attempt;
    setBusy(true, tr("Reading the keychain\u2026"));
    attempt.user = saved.user;
    onReady(m_secrets.read(saved.account()), this, [this, id, attempt](const Result<QString>& secret) mutable {
        if (id != m_attempt)
            return;
        setBusy(false);
        if (!secret || secret->isEmpty()) {
            if (attempt.kind == RecentConnection::Kind::ApiKey)
                m_errors.show(u"apiKey"_s, tr("No key is saved for this connection: paste the API key."));
            else
                m_errors.show(u"password"_s, tr("No session is saved for this connection: enter your password."));
            return;
        }
        attempt.secret = *secret;
        attempt.saved = true;
        start(attempt);
    });
}

void ConnectDialog::start(const Attempt& attempt)
{
    const int id = ++m_attempt;
    RemoteClient::Options options = m_base;
    options.url = attempt.url;
    options.fingerprint = m_recent.trustedFingerprint(attempt.url);
    options.otherNodes.clear();
    for (const QUrl& node : attempt.otherNodes)
        options.otherNodes.append({node, m_recent.trustedFingerprint(node)});
    options.policy = attempt.policy;
    options.caFile.clear();
    // a key, or a session saved from an earlier sign-in, is what the requests carry
    options.apiKey = attempt.kind == RecentConnection::Kind::ApiKey || attempt.saved ? attempt.secret : QString();
    //: %1 = the node's URL
    setBusy(true, tr("Connecting to %1\u2026").arg(attempt.url.toString()));
    onReady(RemoteClient::connectTo(options), this,
            [this, id, attempt](const Result<std::shared_ptr<RemoteClient>>& client) {
                if (id != m_attempt)
                    return; // stopped: the connection goes with the answer
                if (!client)
                    return failed(attempt, client.error());
                connected(attempt, *client);
            });
}

void ConnectDialog::connected(const Attempt& attempt, const std::shared_ptr<RemoteClient>& client)
{
    if (attempt.kind == RecentConnection::Kind::ApiKey || attempt.saved)
        return keep(attempt, client);
    const int id = m_attempt;
    //: %1 = user name
    setBusy(true, tr("Signing in as %1\u2026").arg(attempt.user));
    onReady(client->signIn(attempt.user, attempt.password, attempt.code), this,
            [this, id, attempt, client](const Result<auth::Principal>& principal) {
                if (id != m_attempt)
                    return;
                if (!principal)
                    return failed(attempt, principal.error());
                keep(attempt, client);
            });
}

void ConnectDialog::keep(const Attempt& attempt, const std::shared_ptr<RemoteClient>& client)
{
    m_password->clear(); // nothing of it stays longer than needed
    m_key->clear();
    RecentConnection c;
    c.url = attempt.url;
    c.otherNodes = attempt.otherNodes;
    c.policy = NodeBalancer::policyName(attempt.policy);
    c.kind = attempt.kind;
    c.user = client->principal().userName;
    m_connection = m_recent.remember(c);
    m_client = client;
    if (!m_remember->isChecked()) {
        m_keychainNote = m_keychainAvailable ? QString()
                                             : tr("No keychain service is available, so the key or session was not "
                                                  "saved: you enter it again next time.");
        m_secrets.remove(m_connection.account()); // an older one saved for it goes too
        accept();
        return;
    }
    const int id = m_attempt;
    setBusy(true, tr("Saving in the keychain\u2026"));
    onReady(m_secrets.write(m_connection.account(), client->credential()), this,
            [this, id](const Result<bool>& written) {
                if (id != m_attempt)
                    return;
                setBusy(false);
                if (!written)
                    m_keychainNote = tr("The keychain did not take the key or session, so it was not saved: you "
                                        "enter it again next time.");
                accept();
            });
}

void ConnectDialog::failed(const Attempt& attempt, const Error& error)
{
    setBusy(false);
    if (const QString offered = RemoteClient::certificateFingerprint(error); !offered.isEmpty()) {
        const QUrl node = RemoteClient::certificateNode(error);
        return askTrust(attempt, node.isEmpty() ? attempt.url : RecentConnections::normalised(node), offered);
    }
    if (error.code == ErrorCode::Unauthenticated || error.code == ErrorCode::AccountLocked)
        return failedSignIn(attempt, error);
    if (error.field == u"url"_s) {
        m_errors.show(u"url"_s, tr("This is not a node's address. Write it as https://HOST:PORT."), error.message);
        return;
    }
    if (error.outcomeUnknown) { // the node answered: its database went away during the sign-in
        m_messageBar->showError(signInOutcomeUnknownText(), error.message);
        return;
    }
    if (error.code == ErrorCode::Unavailable && !attempt.otherNodes.isEmpty()) {
        m_messageBar->showError(tr("None of the %n nodes answered. Check the addresses and that the nodes run.",
                                   nullptr, int(attempt.otherNodes.size()) + 1),
                                error.message);
        m_url->setFocus();
        return;
    }
    if (error.code == ErrorCode::Unavailable) {
        //: %1 = the node's URL
        m_messageBar->showError(
            tr("The node at %1 did not answer. Check the address and that the node runs.").arg(attempt.url.toString()),
            error.message);
        m_url->setFocus();
        return;
    }
    m_messageBar->showError(error);
}

void ConnectDialog::failedSignIn(const Attempt& attempt, const Error& error)
{
    const bool key = attempt.kind == RecentConnection::Kind::ApiKey;
    if (attempt.saved) {
        // the saved secret no longer works: it goes, and the user types a new one
        if (const std::optional<RecentConnection> saved = savedFor(attempt))
            m_secrets.remove(saved->account());
        m_errors.show(key ? u"apiKey"_s : u"password"_s,
                      key ? tr("The node no longer accepts the saved key: paste an API key.")
                          : tr("The saved session has ended: enter your password to sign in again."),
                      error.message);
        return;
    }
    if (error.code == ErrorCode::AccountLocked) {
        static const QRegularExpression wait(u"try again in (\\d+) s"_s);
        const auto match = wait.match(error.message);
        m_messageBar->showError(match.hasMatch() ? tr("Too many failed sign-ins. Try again in %n second(s).", nullptr,
                                                      match.captured(1).toInt())
                                                 : tr("This user is disabled. Ask an owner or an administrator."),
                                error.message);
        return;
    }
    if (key) {
        m_errors.show(u"apiKey"_s, tr("The node does not accept this API key: it is wrong, revoked or expired."),
                      error.message);
        return;
    }
    if (error.field == u"code"_s) {
        m_code->clear();
        m_errors.show(u"code"_s,
                      error.message.startsWith(u"enter"_s)
                          ? tr("Two-step sign-in is on for this user: enter the code from your authenticator app.")
                          : tr("The code is wrong or was already used. Wait for the next code and try again."),
                      error.message);
        return;
    }
    m_password->clear();
    m_errors.show(u"password"_s, tr("The user name or password is wrong."), error.message);
}

void ConnectDialog::askTrust(const Attempt& attempt, const QUrl& node, const QString& offered)
{
    auto* trust = new TrustDialog(node, offered, m_recent.trustedFingerprint(node), this);
    trust->setAttribute(Qt::WA_DeleteOnClose);
    const bool changed = trust->changed();
    connect(trust, &QDialog::accepted, this, [this, attempt, node, offered] {
        m_recent.trust(node, offered);
        start(attempt);
    });
    connect(trust, &QDialog::rejected, this, [this, changed] {
        m_messageBar->showError(changed ? tr("Not connected: the node's certificate changed, and you did not trust "
                                             "the new one.")
                                        : tr("Not connected: you did not trust the node's certificate."));
    });
    trust->open();
}

void ConnectDialog::stop()
{
    if (!m_busy)
        return;
    ++m_attempt; // its answers, and the connection they bring, are dropped
    setBusy(false);
    m_messageBar->showInfo(tr("Stopped: not connected."));
}

} // namespace souk
