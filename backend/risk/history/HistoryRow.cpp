#include "backend/risk/history/HistoryRow.h"

#include <algorithm>
#include <cmath>

#include <QLocale>

#include "backend/catalog/Csv.h"
#include "backend/core/Money.h"
#include "backend/risk/history/HistoryTime.h"

using namespace Qt::StringLiterals;

namespace souk::risk::historyrow {
namespace {

constexpr int TextCharsMax = 256;
constexpr int ValueShownMax = 40;        // how much of a bad value a message repeats
constexpr double DistanceKmMax = 20'100; // half the Earth's circumference, with room for rounding

/// 'value' for a message, cut at ValueShownMax characters.
QString quoted(QStringView value)
{
    if (value.size() <= ValueShownMax)
        return u"'"_s + value + u"'"_s;
    return u"'"_s + value.left(ValueShownMax) + u"...'"_s;
}

/// Collects one record's problems, each naming its line and column.
class RowProblems
{
public:
    RowProblems(int line, QList<HistoryProblem>& out) : m_line(line), m_out(out) {}

    void add(Column column, const QString& message)
    {
        m_out.append(HistoryProblem{m_line, columnNames()[column], message});
        m_any = true;
    }
    bool any() const { return m_any; }

private:
    int m_line;
    QList<HistoryProblem>& m_out;
    bool m_any = false;
};

bool hasControlChar(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

/// Free text: a spreadsheet's formula guard removed, no control characters, at most TextCharsMax.
QString readText(const QString& cell, Column column, RowProblems& problems)
{
    const QString text = catalog::restoreCsvFormula(cell);
    if (text.size() > TextCharsMax)
        problems.add(column, u"is longer than %1 characters"_s.arg(TextCharsMax));
    else if (hasControlChar(text))
        problems.add(column, u"must not contain control characters"_s);
    return text;
}

bool isCountryCode(QStringView text)
{
    return text.size() == 2 && text[0] >= u'A' && text[0] <= u'Z' && text[1] >= u'A' && text[1] <= u'Z';
}

QString readCountry(const QString& cell, Column column, RowProblems& problems)
{
    if (!cell.isEmpty() && !isCountryCode(cell))
        problems.add(column, quoted(cell) + u" is not a country code (two capital letters, ISO 3166-1)"_s);
    return cell;
}

bool isEmail(QStringView text)
{
    const qsizetype at = text.indexOf(u'@');
    return at > 0 && at == text.lastIndexOf(u'@') && at < text.size() - 1 && text.size() <= 254 &&
           !std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSpace() || c.unicode() < 0x20; });
}

bool isIpv4(QStringView text)
{
    const auto parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    return std::all_of(parts.begin(), parts.end(), [](QStringView part) {
        bool ok = false;
        const int value = part.toInt(&ok);
        return ok && part.size() <= 3 && (part.size() == 1 || part[0] != u'0') && value >= 0 && value <= 255 &&
               part[0] != u'+' && part[0] != u'-';
    });
}

/// IPv6 by its alphabet and shape only: hex groups and colons, an IPv4 tail allowed.
bool isIpv6(QStringView text)
{
    if (text.size() < 2 || text.size() > 45 || !text.contains(u':'))
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return c == u':' || c == u'.' || (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') ||
               (c >= u'A' && c <= u'F');
    });
}

std::optional<bool> readBool(const QString& cell)
{
    if (cell.compare(u"true"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (cell.compare(u"false"_s, Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

/// The digits after the decimal point of a plain decimal ("12.340" -> 2), or -1 if not one.
int significantDecimals(QStringView text)
{
    text = text.trimmed();
    if (!text.isEmpty() && (text[0] == u'+' || text[0] == u'-'))
        text = text.sliced(1);
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    QStringView fraction = dot < 0 ? QStringView() : text.sliced(dot + 1);
    const auto digits = [](QStringView s) {
        return std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
    };
    if ((whole.isEmpty() && fraction.isEmpty()) || !digits(whole) || !digits(fraction))
        return -1;
    while (!fraction.isEmpty() && fraction.back() == u'0')
        fraction.chop(1);
    return int(fraction.size());
}

/// An amount in major units of `currency`: exact, not negative, at most options.amountMinorMax.
std::optional<qint64> readAmount(const QString& cell, Column column, const Currency& currency,
                                 const HistoryCsvOptions& options, RowProblems& problems)
{
    const QString& field = columnNames()[column];
    const auto money = Money::parse(cell, currency, field);
    if (!money) {
        const int decimals = significantDecimals(cell);
        if (cell.trimmed().isEmpty())
            problems.add(column, u"an amount is required"_s);
        else if (money.error().code == ErrorCode::Overflow)
            problems.add(column, quoted(cell) + u" is too large"_s);
        else if (decimals > currency.exponent)
            problems.add(column, u"%1 has more decimals than %2 allows (%3)"_s.arg(cell.trimmed(), currency.code)
                                     .arg(currency.exponent));
        else
            problems.add(column, quoted(cell) + u" is not an amount (digits and a decimal point)"_s);
        return std::nullopt;
    }
    if (money->isNegative()) {
        problems.add(column, cell.trimmed() + u" must not be negative"_s);
        return std::nullopt;
    }
    if (money->minor() > options.amountMinorMax) {
        const Money max(options.amountMinorMax, currency);
        problems.add(column, u"%1 is more than the largest accepted (%2 %3)"_s.arg(
                                 cell.trimmed(), max.toDecimalString(), currency.code));
        return std::nullopt;
    }
    return money->minor();
}

void readOptionalColumns(const QStringList& cells, const ColumnMap& map, HistoryPayment& out, RowProblems& problems)
{
    if (map[Bin] >= 0) {
        const QString& bin = cells[map[Bin]];
        const bool digits = std::all_of(bin.begin(), bin.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!bin.isEmpty() && (!digits || bin.size() < 6 || bin.size() > 8))
            problems.add(Bin, quoted(bin) + u" is not a BIN (6 to 8 digits)"_s);
        out.bin = bin;
    }
    if (map[ShippingDistanceKm] >= 0 && !cells[map[ShippingDistanceKm]].isEmpty()) {
        const QString& text = cells[map[ShippingDistanceKm]];
        bool ok = false;
        const double km = text.toDouble(&ok);
        if (!ok || !std::isfinite(km) || significantDecimals(text) < 0)
            problems.add(ShippingDistanceKm, quoted(text) + u" is not a distance in km"_s);
        else if (km < 0 || km > DistanceKmMax)
            problems.add(ShippingDistanceKm, u"%1 must be between 0 and %2"_s.arg(text).arg(DistanceKmMax));
        else
            out.shippingDistanceKm = km;
    }
    if (map[LabelKnownAt] >= 0 && !cells[map[LabelKnownAt]].isEmpty()) {
        const QString& text = cells[map[LabelKnownAt]];
        const auto ms = parseHistoryTime(text);
        if (!ms)
            problems.add(LabelKnownAt, quoted(text) + u" is not an ISO 8601 date-time"_s);
        else if (*ms < out.createdMs)
            problems.add(LabelKnownAt, quoted(text) + u" is before created_at"_s);
        else
            out.labelKnownMs = ms;
    }
}

/// The checks between columns: what a declined payment cannot have, refunds within the amount.
void checkConsistency(const QStringList& cells, const ColumnMap& map, const HistoryPayment& out, RowProblems& problems)
{
    if (!out.approved && out.refundedMinor > 0)
        problems.add(RefundedAmount, u"a declined payment cannot be refunded"_s);
    else if (out.amount.currency().isValid() && out.refundedMinor > out.amount.minor())
        problems.add(RefundedAmount, u"%1 is more than the amount %2"_s.arg(cells[map[RefundedAmount]].trimmed(),
                                                                            cells[map[Amount]].trimmed()));
    if (!out.approved && out.disputed)
        problems.add(Disputed, u"a declined payment cannot be disputed"_s);
    if (!out.disputed && !out.disputeReason.isEmpty())
        problems.add(DisputeReason, u"is given but disputed is false"_s);
}

} // namespace

const QStringList& columnNames()
{
    static const QStringList names{
        u"created_at"_s,
        u"amount"_s,
        u"currency"_s,
        u"outcome"_s,
        u"card_fingerprint"_s,
        u"card_brand"_s,
        u"card_country"_s,
        u"email"_s,
        u"ip"_s,
        u"ip_country"_s,
        u"device_id"_s,
        u"customer_id"_s,
        u"shipping_country"_s,
        u"refunded_amount"_s,
        u"disputed"_s,
        u"dispute_reason"_s,
        u"fraud"_s,
        u"bin"_s,
        u"shipping_distance_km"_s,
        u"label_known_at"_s,
    };
    Q_ASSERT(names.size() == ColumnCount);
    return names;
}

const Currency* CurrencyCache::find(QStringView code)
{
    for (const auto& [known, currency] : m_known) {
        if (known == code)
            return currency.isValid() ? &currency : nullptr;
    }
    if (m_known.size() > 300) // more codes than ISO 4217 has: stop remembering the bad ones
        return nullptr;
    auto found = Currency::find(code);
    if (found) {
        // a copy of the strings of its own: every row of this thread shares them, and reference
        // counts shared between threads would make the cores wait on each other
        found->code = QString(found->code.constData(), found->code.size());
        found->name = QString(found->name.constData(), found->name.size());
    }
    m_known.emplace_back(code.toString(), found ? *found : Currency{});
    return found ? &m_known.back().second : nullptr;
}

bool readRow(const QStringList& cells, int line, const ColumnMap& map, const HistoryCsvOptions& options,
             CurrencyCache& currencies, HistoryPayment& out, QList<HistoryProblem>& problemsOut)
{
    RowProblems problems(line, problemsOut);
    const qsizetype firstProblem = problemsOut.size();
    const auto cell = [&](Column column) -> const QString& { return cells[map[column]]; };

    if (const auto created = parseHistoryTime(cell(CreatedAt)))
        out.createdMs = *created;
    else if (cell(CreatedAt).isEmpty())
        problems.add(CreatedAt, u"a date-time is required"_s);
    else
        problems.add(CreatedAt, quoted(cell(CreatedAt)) + u" is not an ISO 8601 date-time"_s);

    const Currency* currency = currencies.find(cell(CurrencyCode));
    if (!currency) {
        problems.add(CurrencyCode, cell(CurrencyCode).isEmpty()
                                       ? u"a currency code is required"_s
                                       : quoted(cell(CurrencyCode)) + u" is not an ISO 4217 currency"_s);
    } else {
        if (const auto minor = readAmount(cell(Amount), Amount, *currency, options, problems))
            out.amount = Money(*minor, *currency);
        if (cell(RefundedAmount).trimmed().isEmpty())
            out.refundedMinor = 0;
        else if (const auto refunded = readAmount(cell(RefundedAmount), RefundedAmount, *currency, options, problems))
            out.refundedMinor = *refunded;
    }

    const QString& outcome = cell(Outcome);
    out.approved = outcome.compare(u"approved"_s, Qt::CaseInsensitive) == 0;
    if (!out.approved && outcome.compare(u"declined"_s, Qt::CaseInsensitive) != 0)
        problems.add(Outcome, quoted(outcome) + u" must be approved or declined"_s);

    out.cardFingerprint = readText(cell(CardFingerprint), CardFingerprint, problems);
    out.cardBrand = readText(cell(CardBrand), CardBrand, problems);
    out.cardCountry = readCountry(cell(CardCountry), CardCountry, problems);
    out.email = readText(cell(Email), Email, problems);
    if (!out.email.isEmpty() && !isEmail(out.email))
        problems.add(Email, quoted(out.email) + u" is not an email address"_s);
    out.ip = cell(Ip);
    if (!out.ip.isEmpty() && !isIpv4(out.ip) && !isIpv6(out.ip))
        problems.add(Ip, quoted(out.ip) + u" is not an IP address"_s);
    out.ipCountry = readCountry(cell(IpCountry), IpCountry, problems);
    out.deviceId = readText(cell(DeviceId), DeviceId, problems);
    out.customerId = readText(cell(CustomerId), CustomerId, problems);
    out.shippingCountry = readCountry(cell(ShippingCountry), ShippingCountry, problems);

    if (const auto disputed = readBool(cell(Disputed)))
        out.disputed = *disputed;
    else
        problems.add(Disputed, quoted(cell(Disputed)) + u" must be true or false"_s);
    out.disputeReason = readText(cell(DisputeReason), DisputeReason, problems);
    if (!cell(Fraud).isEmpty()) {
        out.fraud = readBool(cell(Fraud));
        if (!out.fraud)
            problems.add(Fraud, quoted(cell(Fraud)) + u" must be true, false or empty"_s);
    }
    readOptionalColumns(cells, map, out, problems);
    if (!problems.any())
        checkConsistency(cells, map, out, problems);
    // in the order of the file's columns, as a reader scans the line
    const auto position = [&](const HistoryProblem& p) { return map[size_t(columnNames().indexOf(p.column))]; };
    std::stable_sort(problemsOut.begin() + firstProblem, problemsOut.end(),
                     [&](const HistoryProblem& a, const HistoryProblem& b) { return position(a) < position(b); });
    return !problems.any();
}

QStringList writeRow(const HistoryPayment& p, const QList<Column>& columns)
{
    const auto text = [](const QString& value) { return catalog::neutraliseCsvFormula(value); };
    const auto boolText = [](bool value) { return value ? u"true"_s : u"false"_s; };
    QStringList cells;
    cells.reserve(columns.size());
    for (const Column column : columns) {
        switch (column) {
        case CreatedAt:
            cells.append(formatHistoryTime(p.createdMs));
            break;
        case Amount:
            cells.append(p.amount.toDecimalString());
            break;
        case CurrencyCode:
            cells.append(p.amount.currency().code);
            break;
        case Outcome:
            cells.append(p.approved ? u"approved"_s : u"declined"_s);
            break;
        case CardFingerprint:
            cells.append(text(p.cardFingerprint));
            break;
        case CardBrand:
            cells.append(text(p.cardBrand));
            break;
        case CardCountry:
            cells.append(p.cardCountry);
            break;
        case Email:
            cells.append(text(p.email));
            break;
        case Ip:
            cells.append(p.ip);
            break;
        case IpCountry:
            cells.append(p.ipCountry);
            break;
        case DeviceId:
            cells.append(text(p.deviceId));
            break;
        case CustomerId:
            cells.append(text(p.customerId));
            break;
        case ShippingCountry:
            cells.append(p.shippingCountry);
            break;
        case RefundedAmount:
            cells.append(Money(p.refundedMinor, p.amount.currency()).toDecimalString());
            break;
        case Disputed:
            cells.append(boolText(p.disputed));
            break;
        case DisputeReason:
            cells.append(text(p.disputeReason));
            break;
        case Fraud:
            cells.append(p.fraud ? boolText(*p.fraud) : QString());
            break;
        case Bin:
            cells.append(p.bin);
            break;
        case ShippingDistanceKm:
            // the shortest text that reads back as the same double
            cells.append(p.shippingDistanceKm
                             ? QString::number(*p.shippingDistanceKm, 'g', QLocale::FloatingPointShortest)
                             : QString());
            break;
        case LabelKnownAt:
            cells.append(p.labelKnownMs ? formatHistoryTime(*p.labelKnownMs) : QString());
            break;
        case ColumnCount:
            break;
        }
    }
    return cells;
}

QString closestColumn(const QString& name)
{
    const QString lower = name.toLower();
    QString best;
    int bestDistance = 3; // more than 2 edits away is no suggestion
    for (const QString& known : columnNames()) {
        // Levenshtein distance, one row at a time
        std::vector<int> row(size_t(known.size() + 1));
        for (size_t j = 0; j < row.size(); ++j)
            row[j] = int(j);
        for (qsizetype i = 1; i <= lower.size(); ++i) {
            int diagonal = row[0];
            row[0] = int(i);
            for (qsizetype j = 1; j <= known.size(); ++j) {
                const int up = row[size_t(j)];
                row[size_t(j)] = std::min({up + 1, row[size_t(j - 1)] + 1, diagonal + (lower[i - 1] != known[j - 1])});
                diagonal = up;
            }
        }
        if (row.back() < bestDistance) {
            bestDistance = row.back();
            best = known;
        }
    }
    return best;
}

} // namespace souk::risk::historyrow
