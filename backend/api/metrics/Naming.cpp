#include "backend/api/metrics/Naming.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace souk::metrics {
namespace {

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

/// promtool's camelCase test: a lower-case letter followed by an upper-case one.
bool isCamelCase(QStringView name)
{
    for (qsizetype i = 1; i < name.size(); ++i) {
        if (name[i - 1] >= u'a' && name[i - 1] <= u'z' && name[i] >= u'A' && name[i] <= u'Z')
            return true;
    }
    return false;
}

/// The name's words after the first, lower-cased: promtool looks for "_word_" or a "_word"
/// ending, which is exactly these.
QStringList laterWords(const QString& name)
{
    QStringList words = name.toLower().split(u'_');
    words.removeFirst();
    return words;
}

/// promtool's unit rule: a word that is a prefixed unit ("milliseconds", "kilobytes") or a
/// non-base one ("minutes", "bits") must be the base unit, so dashboards never convert. The
/// tables are promlint's (prometheus/client_golang), which promtool runs.
QString unitProblem(const QString& name)
{
    struct Unit
    {
        const char16_t* unit;
        const char16_t* base;
    };
    static constexpr Unit Units[]{
        {u"amperes", u"amperes"}, {u"bytes", u"bytes"},     {u"celsius", u"celsius"}, {u"grams", u"grams"},
        {u"joules", u"joules"},   {u"kelvin", u"kelvin"},   {u"meters", u"meters"},   {u"metres", u"metres"},
        {u"seconds", u"seconds"}, {u"volts", u"volts"},     {u"minutes", u"seconds"}, {u"hours", u"seconds"},
        {u"days", u"seconds"},    {u"weeks", u"seconds"},   {u"kelvins", u"kelvin"},  {u"fahrenheit", u"celsius"},
        {u"rankine", u"celsius"}, {u"inches", u"meters"},   {u"yards", u"meters"},    {u"miles", u"meters"},
        {u"bits", u"bytes"},      {u"calories", u"joules"}, {u"pounds", u"grams"},    {u"ounces", u"grams"},
    };
    static constexpr const char16_t* Prefixes[]{
        u"",     u"pico", u"nano", u"micro", u"milli", u"centi", u"deci", u"deca", u"hecto", u"kilo",
        u"kibi", u"mega", u"mibi", u"giga",  u"gibi",  u"tera",  u"tebi", u"peta", u"pebi",
    };
    const QStringList words = name.split(u'_'); // case kept: promtool matches units case-sensitively
    for (const Unit& u : Units) {
        for (const char16_t* prefix : Prefixes) {
            const QString unit = QString::fromUtf16(prefix) + QString::fromUtf16(u.unit);
            const QString base = QString::fromUtf16(u.base);
            if (unit != base && words.contains(unit))
                return u"%1: use the base unit \"%2\", not \"%3\""_s.arg(name, base, unit);
        }
    }
    return {};
}

/// promtool's abbreviation and type-in-name rules: "_ms", "_sec", "_counter" and the like.
QString wordProblem(const QString& name)
{
    static const QSet<QString> Abbreviations{u"s"_s,  u"ms"_s, u"us"_s, u"ns"_s, u"sec"_s, u"b"_s, u"kb"_s,
                                             u"mb"_s, u"gb"_s, u"tb"_s, u"pb"_s, u"m"_s,   u"h"_s, u"d"_s};
    static const QSet<QString> TypeNames{u"counter"_s, u"gauge"_s, u"histogram"_s, u"summary"_s};
    for (const QString& word : laterWords(name)) {
        if (Abbreviations.contains(word))
            return u"%1: spell the unit out (\"_seconds\", \"_bytes\"), not \"_%2\""_s.arg(name, word);
        if (TypeNames.contains(word))
            return u"%1: the name must not repeat the type \"%2\""_s.arg(name, word);
    }
    return {};
}

/// Suffixes kept for one type: counters end in "_total" and nothing else does; "_bucket",
/// "_count" and "_sum" name a histogram's own samples.
QString suffixProblem(MetricType type, const QString& name)
{
    const bool total = name.endsWith(u"_total"_s);
    if (type == MetricType::Counter && !total)
        return u"%1: a counter's name ends in \"_total\""_s.arg(name);
    if (type != MetricType::Counter && total)
        return u"%1: only a counter's name ends in \"_total\""_s.arg(name);
    if (type != MetricType::Histogram) {
        for (const QString& suffix : {u"_bucket"_s, u"_count"_s, u"_sum"_s}) {
            if (name.endsWith(suffix))
                return u"%1: \"%2\" is kept for a histogram's samples"_s.arg(name, suffix);
        }
    }
    return {};
}

QString metricNameProblem(MetricType type, const QString& name)
{
    if (!isValidMetricName(name))
        return u"\"%1\" is not a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)"_s.arg(name);
    if (name.startsWith(u"__"_s))
        return u"%1: names starting with \"__\" are kept for Prometheus"_s.arg(name);
    if (name.contains(u':'))
        return u"%1: colons are kept for recording rules"_s.arg(name);
    if (isCamelCase(name))
        return u"%1: write names in snake_case"_s.arg(name);
    if (QString problem = suffixProblem(type, name); !problem.isEmpty())
        return problem;
    if (QString problem = wordProblem(name); !problem.isEmpty())
        return problem;
    return unitProblem(name);
}

QString labelNamesProblem(const QString& name, const QStringList& labelNames)
{
    QSet<QString> seen;
    for (const QString& label : labelNames) {
        if (!isValidLabelName(label))
            return u"%1: \"%2\" is not a label name ([a-zA-Z_][a-zA-Z0-9_]*)"_s.arg(name, label);
        if (label.startsWith(u"__"_s))
            return u"%1: label names starting with \"__\" are kept for Prometheus"_s.arg(name);
        if (isCamelCase(label))
            return u"%1: write label \"%2\" in snake_case"_s.arg(name, label);
        // "le" is the bucket label a histogram adds itself; "quantile" is a summary's
        if (label == u"le"_s || label == u"quantile"_s)
            return u"%1: the label name \"%2\" is kept for histograms and summaries"_s.arg(name, label);
        if (seen.contains(label))
            return u"%1: the label \"%2\" is named twice"_s.arg(name, label);
        seen.insert(label);
    }
    return {};
}

} // namespace

bool isValidMetricName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (!isAsciiLetter(c) && c != u'_' && c != u':' && (i == 0 || !isAsciiDigit(c)))
            return false;
    }
    return true;
}

bool isValidLabelName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (!isAsciiLetter(c) && c != u'_' && (i == 0 || !isAsciiDigit(c)))
            return false;
    }
    return true;
}

QString namingProblem(MetricType type, const QString& name, const QString& help, const QStringList& labelNames)
{
    if (QString problem = metricNameProblem(type, name); !problem.isEmpty())
        return problem;
    if (help.trimmed().isEmpty())
        return u"%1: a metric needs help text"_s.arg(name);
    return labelNamesProblem(name, labelNames);
}

} // namespace souk::metrics
