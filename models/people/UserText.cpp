#include "models/people/UserText.h"

#include <QCoreApplication>

#include <algorithm>

#include "models/common/Format.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Gives the static functions the translation context "UserText".
class Tr final
{
    Q_DECLARE_TR_FUNCTIONS(UserText)
};

} // namespace

QString UserText::role(auth::Role role)
{
    switch (role) {
    case auth::Role::Owner:
        return Tr::tr("Owner", "user role");
    case auth::Role::Staff:
        return Tr::tr("Staff", "user role");
    case auth::Role::Support:
        return Tr::tr("Support", "user role");
    case auth::Role::Operator:
        return Tr::tr("Operator", "user role");
    case auth::Role::Admin:
        return Tr::tr("Admin", "user role");
    }
    return auth::roleName(role);
}

QString UserText::roleDescription(auth::Role role)
{
    switch (role) {
    case auth::Role::Owner:
        return Tr::tr("Runs one merchant: its catalog, orders, refunds, payouts, terms and people.");
    case auth::Role::Staff:
        return Tr::tr("Works for one merchant: catalog, stock and orders; no refunds, payouts or people.");
    case auth::Role::Support:
        return Tr::tr("Works payments and orders for every merchant: refunds, voids and disputes; no catalogs or "
                      "payouts.");
    case auth::Role::Operator:
        return Tr::tr("Watches every merchant and runs the store's upkeep; changes no merchant's data.");
    case auth::Role::Admin:
        return Tr::tr("May do everything, for every merchant, including managing people.");
    }
    return {};
}

QString UserText::twoStep(bool enabled)
{
    return enabled ? Tr::tr("On", "two-step sign-in") : Tr::tr("Off", "two-step sign-in");
}

QString UserText::userState(bool disabled)
{
    return disabled ? Tr::tr("Disabled", "user state") : Tr::tr("Active", "user state");
}

QString UserText::never()
{
    return Tr::tr("Never", "no sign-in or use yet");
}

QString UserText::timeOr(std::optional<qint64> ms, const QString& never)
{
    return ms ? formatDateTime(*ms) : never;
}

UserText::KeyState UserText::keyState(const auth::ApiKeyInfo& key, qint64 nowMs)
{
    if (key.revokedMs)
        return KeyState::Revoked;
    if (key.expiresMs && *key.expiresMs <= nowMs)
        return KeyState::Expired;
    return KeyState::Active;
}

QString UserText::keyState(KeyState state)
{
    switch (state) {
    case KeyState::Active:
        return Tr::tr("Active", "API key state");
    case KeyState::Expired:
        return Tr::tr("Expired", "API key state");
    case KeyState::Revoked:
        return Tr::tr("Revoked", "API key state");
    }
    return {};
}

QString UserText::keyPrefix(const QString& prefix)
{
    return prefix + u"\u2026"_s;
}

QString UserText::groupedSecret(const QString& base32)
{
    QStringList groups;
    for (qsizetype i = 0; i < base32.size(); i += 4)
        groups.append(base32.mid(i, 4));
    return groups.join(u' ');
}

QString UserText::codeColumns(const QStringList& codes, int columns)
{
    columns = std::max(columns, 1);
    const qsizetype rows = (codes.size() + columns - 1) / columns;
    QStringList lines;
    for (qsizetype r = 0; r < rows; ++r) {
        QStringList cells;
        for (qsizetype c = 0; c < columns; ++c) {
            if (const qsizetype i = c * rows + r; i < codes.size()) // down the first column, then the next
                cells.append(codes[i]);
        }
        lines.append(cells.join(u"    "_s));
    }
    return lines.join(u'\n');
}

} // namespace souk
