#include "views/connect/RecentConnections.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int HttpsPort = 443;

QString kindName(RecentConnection::Kind kind)
{
    return kind == RecentConnection::Kind::ApiKey ? u"api-key"_s : u"session"_s;
}

} // namespace

QString RecentConnection::account() const
{
    return url.toString() + u' ' + kindName(kind) + u' ' + user;
}

bool RecentConnection::sameAs(const RecentConnection& other) const
{
    return url == other.url && kind == other.kind && user == other.user;
}

RecentConnections::RecentConnections(Prefs& prefs, std::function<qint64()> nowMs)
    : m_prefs(prefs), m_nowMs(nowMs ? std::move(nowMs) : [] { return QDateTime::currentMSecsSinceEpoch(); })
{}

QUrl RecentConnections::normalised(const QUrl& url)
{
    QUrl out;
    out.setScheme(url.scheme().toLower());
    out.setHost(url.host().toLower());
    out.setPort(url.port(HttpsPort));
    return out;
}

QList<RecentConnection> RecentConnections::list() const
{
    QList<RecentConnection> out;
    const QJsonArray items = QJsonDocument::fromJson(m_prefs.get(prefkeys::RecentConnections).toUtf8()).array();
    for (const QJsonValue& v : items) {
        const QJsonObject o = v.toObject();
        RecentConnection c;
        c.url = normalised(QUrl(o.value(u"url"_s).toString()));
        c.kind = o.value(u"kind"_s).toString() == u"api-key"_s ? RecentConnection::Kind::ApiKey
                                                               : RecentConnection::Kind::Session;
        c.user = o.value(u"user"_s).toString();
        for (const QJsonValue& other : o.value(u"other_nodes"_s).toArray()) {
            const QUrl node = normalised(QUrl(other.toString()));
            if (node.scheme() == u"https"_s && !node.host().isEmpty())
                c.otherNodes.append(node);
        }
        c.policy = o.value(u"policy"_s).toString();
        c.lastUsedMs = o.value(u"last_used_ms"_s).toInteger();
        if (c.url.scheme() == u"https"_s && !c.url.host().isEmpty() && out.size() < ListMax)
            out.append(c);
    }
    return out;
}

void RecentConnections::save(const QList<RecentConnection>& list)
{
    QJsonArray items;
    for (const RecentConnection& c : list) {
        QJsonObject item{{u"url"_s, c.url.toString()},
                         {u"kind"_s, kindName(c.kind)},
                         {u"user"_s, c.user},
                         {u"last_used_ms"_s, c.lastUsedMs}};
        if (!c.otherNodes.isEmpty()) {
            QJsonArray others;
            for (const QUrl& node : c.otherNodes)
                others.append(node.toString());
            item.insert(u"other_nodes"_s, others);
            item.insert(u"policy"_s, c.policy);
        }
        items.append(item);
    }
    m_prefs.set(prefkeys::RecentConnections, QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)));
    m_prefs.sync();
}

RecentConnection RecentConnections::remember(RecentConnection connection)
{
    connection.url = normalised(connection.url);
    for (QUrl& node : connection.otherNodes)
        node = normalised(node);
    connection.lastUsedMs = m_nowMs();
    QList<RecentConnection> all = list();
    all.removeIf([&](const RecentConnection& c) { return c.sameAs(connection); });
    all.prepend(connection);
    while (all.size() > ListMax)
        all.removeLast();
    save(all);
    return connection;
}

void RecentConnections::forget(const RecentConnection& connection)
{
    QList<RecentConnection> all = list();
    all.removeIf([&](const RecentConnection& c) { return c.sameAs(connection); });
    save(all);
}

QString RecentConnections::trustedFingerprint(const QUrl& url) const
{
    const QJsonObject trusted = QJsonDocument::fromJson(m_prefs.get(prefkeys::TrustedCertificates).toUtf8()).object();
    return trusted.value(normalised(url).toString()).toString();
}

void RecentConnections::trust(const QUrl& url, const QString& fingerprint)
{
    QJsonObject trusted = QJsonDocument::fromJson(m_prefs.get(prefkeys::TrustedCertificates).toUtf8()).object();
    trusted.insert(normalised(url).toString(), fingerprint.toUpper());
    m_prefs.set(prefkeys::TrustedCertificates,
                QString::fromUtf8(QJsonDocument(trusted).toJson(QJsonDocument::Compact)));
    m_prefs.sync();
}

} // namespace souk
