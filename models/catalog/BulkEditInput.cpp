#include "models/catalog/BulkEditInput.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "backend/core/Money.h"
#include "models/catalog/VariantCell.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

class BulkTr final
{
    Q_DECLARE_TR_FUNCTIONS(BulkEditInput)
};

} // namespace

Result<qint64> BulkEditInput::amountMinor(const QString& text, const Currency& currency)
{
    const QString field = u"amount"_s;
    const QString typed = VariantCell::moneyText(text);
    if (typed.isEmpty())
        return Error::invalid(field, BulkTr::tr("Enter an amount, for example 2.50 or -1.00."));
    const Result<Money> amount = Money::parse(typed, currency, field);
    if (!amount) {
        // VariantCell words the reasons (decimals, shape) the same way the editor's grid does
        const QString reason =
            VariantCell::check(VariantField::Cost, typed.startsWith(u'-') ? typed.mid(1) : typed, currency);
        return Error::invalid(field, reason.isEmpty() ? BulkTr::tr("Enter an amount such as 2.50.") : reason);
    }
    if (amount->isZero())
        return Error::invalid(field, BulkTr::tr("An amount of zero would change nothing."));
    return amount->minor();
}

Result<qint64> BulkEditInput::percentBasisPoints(const QString& text)
{
    const QString field = u"basisPoints"_s;
    QString typed = VariantCell::moneyText(text);
    if (typed.endsWith(u'%'))
        typed = typed.chopped(1).trimmed();
    static const QRegularExpression shape(u"^([+-]?)(\\d{1,5})(?:\\.(\\d{1,2}))?$"_s);
    const auto match = shape.match(typed);
    if (typed.isEmpty() || !match.hasMatch())
        return Error::invalid(field, BulkTr::tr("Enter a percentage such as 10 or -2.5 (at most two decimals)."));
    const qint64 whole = match.captured(2).toLongLong();
    const qint64 hundredths = match.captured(3).leftJustified(2, u'0').toLongLong();
    qint64 basisPoints = whole * 100 + hundredths;
    if (match.captured(1) == u"-"_s)
        basisPoints = -basisPoints;
    if (basisPoints == 0)
        return Error::invalid(field, BulkTr::tr("A change of 0 % would change nothing."));
    if (basisPoints <= -10'000)
        return Error::invalid(field, BulkTr::tr("Prices cannot go down by 100 % or more."));
    if (basisPoints > PercentBasisPointsMax)
        return Error::invalid(field, BulkTr::tr("Prices can go up by at most 1000 % at once."));
    return basisPoints;
}

} // namespace souk
