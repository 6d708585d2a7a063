#include "models/risk/ReviewText.h"

#include <QHash>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace souk {

QString ReviewText::verdict(risk::ReviewVerdict verdict)
{
    switch (verdict) {
    case risk::ReviewVerdict::Approve:
        return tr("Approve", "review verdict");
    case risk::ReviewVerdict::Decline:
        return tr("Decline", "review verdict");
    case risk::ReviewVerdict::Fraud:
        return tr("Fraud", "review verdict");
    }
    return {};
}

QString ReviewText::reason(const QString& code)
{
    if (code == u"customer_verified"_s)
        return tr("Customer verified", "review reason");
    if (code == u"known_customer"_s)
        return tr("Known customer", "review reason");
    if (code == u"consistent_history"_s)
        return tr("Consistent history", "review reason");
    if (code == u"customer_unreachable"_s)
        return tr("Customer unreachable", "review reason");
    if (code == u"cannot_verify"_s)
        return tr("Cannot verify", "review reason");
    if (code == u"policy"_s)
        return tr("Against policy", "review reason");
    if (code == u"stolen_card"_s)
        return tr("Stolen card", "review reason");
    if (code == u"card_testing"_s)
        return tr("Card testing", "review reason");
    if (code == u"account_takeover"_s)
        return tr("Account takeover", "review reason");
    if (code == u"other"_s)
        return tr("Other", "review reason");
    return code;
}

QString ReviewText::duration(qint64 ms)
{
    const qint64 s = std::max<qint64>(ms, 0) / 1000;
    if (s >= 3600)
        //: hours and minutes, "3 h 05 min"
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'));
    if (s >= 60)
        return tr("%1 min").arg(s / 60);
    return tr("%1 s").arg(s);
}

QString ReviewText::contribution(double value)
{
    if (std::isnan(value) || value == 0)
        return {};
    const QString magnitude = QLocale().toString(std::abs(value), 'f', 2);
    return (value > 0 ? u"+"_s : u"\u2212"_s) + magnitude;
}

QString ReviewText::value(double value)
{
    if (std::isnan(value))
        return u"\u2014"_s;
    if (value == std::floor(value) && std::abs(value) < 1e12)
        return QLocale().toString(qint64(value));
    return QLocale().toString(value, 'f', 2);
}

} // namespace souk
