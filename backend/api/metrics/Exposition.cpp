#include "backend/api/metrics/Exposition.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace souk::metrics {
namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

/// Reads a sample value as the format writes it: a float, "+Inf", "-Inf" or "NaN".
std::optional<double> readValue(QByteArrayView token)
{
    if (token == "+Inf" || token == "Inf")
        return std::numeric_limits<double>::infinity();
    if (token == "-Inf")
        return -std::numeric_limits<double>::infinity();
    if (token == "NaN")
        return NaN;
    bool ok = false;
    const double value = token.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

/// A reader over one line; `at` moves forward. Returns an error message, empty when it parsed.
class LineReader
{
public:
    explicit LineReader(QByteArrayView line) : m_line(line) {}

    QString read(Sample& sample)
    {
        const qsizetype start = m_at;
        while (m_at < m_line.size() && isNameChar(m_line[m_at]))
            ++m_at;
        if (m_at == start || !isNameStart(m_line[start]))
            return u"a sample must start with a metric name"_s;
        sample.name = QString::fromLatin1(m_line.sliced(start, m_at - start));
        skipSpaces();
        if (peek() == '{') {
            ++m_at;
            if (QString why = readLabels(sample); !why.isEmpty())
                return why;
        }
        skipSpaces();
        const qsizetype valueStart = m_at;
        while (m_at < m_line.size() && m_line[m_at] != ' ' && m_line[m_at] != '\t')
            ++m_at;
        const std::optional<double> value = readValue(m_line.sliced(valueStart, m_at - valueStart));
        if (!value)
            return u"the value of %1 is not a number"_s.arg(sample.name);
        sample.value = *value;
        return {}; // a timestamp may follow; the console takes its own time
    }

private:
    char peek() const { return m_at < m_line.size() ? m_line[m_at] : '\0'; }
    void skipSpaces()
    {
        while (peek() == ' ' || peek() == '\t')
            ++m_at;
    }

    QString readLabels(Sample& sample)
    {
        for (;;) {
            skipSpaces();
            if (peek() == '}') {
                ++m_at;
                return {};
            }
            const qsizetype start = m_at;
            while (m_at < m_line.size() && isNameChar(m_line[m_at]))
                ++m_at;
            if (m_at == start)
                return u"a label of %1 has no name"_s.arg(sample.name);
            const QString name = QString::fromLatin1(m_line.sliced(start, m_at - start));
            skipSpaces();
            if (peek() != '=')
                return u"the label %1 of %2 has no value"_s.arg(name, sample.name);
            ++m_at;
            skipSpaces();
            if (peek() != '"')
                return u"the label %1 of %2 is not quoted"_s.arg(name, sample.name);
            ++m_at;
            QByteArray value;
            for (;;) {
                if (m_at >= m_line.size())
                    return u"the label %1 of %2 is not closed"_s.arg(name, sample.name);
                const char c = m_line[m_at++];
                if (c == '"')
                    break;
                if (c == '\\' && m_at < m_line.size()) {
                    const char e = m_line[m_at++];
                    value.append(e == 'n' ? '\n' : e);
                } else {
                    value.append(c);
                }
            }
            sample.labels.append({name, QString::fromUtf8(value)});
            skipSpaces();
            if (peek() == ',')
                ++m_at;
            else if (peek() != '}')
                return u"the labels of %1 are not separated by commas"_s.arg(sample.name);
        }
    }

    QByteArrayView m_line;
    qsizetype m_at = 0;
};

bool matches(const Sample& sample, const LabelFilter& filter)
{
    return std::all_of(filter.begin(), filter.end(),
                       [&sample](const auto& want) { return sample.label(want.first) == want.second; });
}

} // namespace

QString Sample::label(const QString& labelName) const
{
    for (const auto& [name, value] : labels) {
        if (name == labelName)
            return value;
    }
    return {};
}

Result<Exposition> Exposition::parse(const QByteArray& text)
{
    Exposition out;
    int lineNumber = 0;
    qsizetype from = 0;
    while (from <= text.size()) {
        qsizetype end = text.indexOf('\n', from);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = QByteArrayView(text).sliced(from, end - from).trimmed();
        from = end + 1;
        ++lineNumber;
        if (line.isEmpty())
            continue;
        if (line.startsWith('#')) {
            // "# TYPE name type"; HELP and other comments carry nothing the console reads
            const QList<QByteArray> words = line.toByteArray().split(' ');
            if (words.size() >= 4 && words[1] == "TYPE")
                out.m_types.insert(QString::fromLatin1(words[2]), QString::fromLatin1(words[3]));
            continue;
        }
        Sample sample;
        if (QString why = LineReader(line).read(sample); !why.isEmpty())
            return Error::invalid(u"metrics"_s, u"line %1: %2"_s.arg(lineNumber).arg(why));
        out.m_samples.append(std::move(sample));
    }
    return out;
}

double Exposition::sum(const QString& name, const LabelFilter& filter) const
{
    double total = 0;
    bool any = false;
    for (const Sample& sample : m_samples) {
        if (sample.name == name && matches(sample, filter)) {
            total += sample.value;
            any = true;
        }
    }
    return any ? total : NaN;
}

bool Exposition::has(const QString& name) const
{
    return std::any_of(m_samples.begin(), m_samples.end(), [&name](const Sample& s) { return s.name == name; });
}

QString Exposition::labelOf(const QString& name, const QString& labelName) const
{
    for (const Sample& sample : m_samples) {
        if (sample.name == name)
            return sample.label(labelName);
    }
    return {};
}

QList<std::pair<double, double>> Exposition::buckets(const QString& name,
                                                     const std::function<bool(const Sample&)>& keep) const
{
    const QString bucketName = name + u"_bucket"_s;
    QList<std::pair<double, double>> out;
    for (const Sample& sample : m_samples) {
        if (sample.name != bucketName || (keep && !keep(sample)))
            continue;
        const std::optional<double> bound = readValue(sample.label(u"le"_s).toLatin1());
        if (!bound)
            continue;
        auto at = std::lower_bound(out.begin(), out.end(), *bound,
                                   [](const std::pair<double, double>& b, double v) { return b.first < v; });
        if (at != out.end() && at->first == *bound)
            at->second += sample.value;
        else
            out.insert(at, {*bound, sample.value});
    }
    return out;
}

double histogramQuantile(double q, const QList<std::pair<double, double>>& cumulative)
{
    if (cumulative.isEmpty())
        return NaN;
    const double total = cumulative.last().second;
    if (!(total > 0))
        return NaN;
    const double rank = std::clamp(q, 0.0, 1.0) * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (const auto& [bound, count] : cumulative) {
        if (count >= rank) {
            if (std::isinf(bound))
                return lowerBound; // above every finite bound: the highest known
            if (count == lowerCount)
                return bound;
            return lowerBound + (bound - lowerBound) * (rank - lowerCount) / (count - lowerCount);
        }
        lowerBound = std::isinf(bound) ? lowerBound : bound;
        lowerCount = count;
    }
    return lowerBound;
}

QList<std::pair<double, double>> bucketsBetween(const QList<std::pair<double, double>>& before,
                                                const QList<std::pair<double, double>>& after)
{
    QList<std::pair<double, double>> out;
    out.reserve(after.size());
    bool reset = false;
    for (const auto& [bound, count] : after) {
        auto was = std::find_if(before.begin(), before.end(), [b = bound](const auto& p) { return p.first == b; });
        const double earlier = was == before.end() ? 0 : was->second;
        reset = reset || count < earlier;
        out.append({bound, count - earlier});
    }
    if (reset) // the node restarted: everything it counted is new
        return after;
    return out;
}

} // namespace souk::metrics
