#include "backend/risk/model/Dataset.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace souk::risk {

Dataset::Dataset(QStringList featureNames) : m_featureNames(std::move(featureNames)) {}

Dataset::Dataset(QStringList featureNames, std::vector<float> values, std::vector<quint8> labels,
                 std::vector<qint64> timesMs)
    : m_featureNames(std::move(featureNames)), m_values(std::move(values)), m_labels(std::move(labels)),
      m_timesMs(std::move(timesMs))
{}

void Dataset::reserve(qsizetype rows)
{
    m_values.reserve(std::size_t(rows) * std::size_t(featureCount()));
    m_labels.reserve(std::size_t(rows));
    m_timesMs.reserve(std::size_t(rows));
}

void Dataset::addRow(std::span<const float> values, bool fraud, qint64 timeMs)
{
    Q_ASSERT(qsizetype(values.size()) == featureCount());
    m_values.insert(m_values.end(), values.begin(), values.end());
    m_labels.push_back(fraud ? 1 : 0);
    m_timesMs.push_back(timeMs);
}

std::span<const float> Dataset::row(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < rowCount());
    const std::size_t width = std::size_t(featureCount());
    return {m_values.data() + std::size_t(index) * width, width};
}

qsizetype Dataset::positiveCount() const
{
    qsizetype count = 0;
    for (const quint8 label : m_labels)
        count += label;
    return count;
}

Status Dataset::validate() const
{
    if (m_featureNames.isEmpty())
        return Error::invalid(u"featureNames"_s, u"a dataset needs at least one feature"_s);
    QSet<QString> seen;
    for (const QString& name : m_featureNames) {
        if (name.trimmed().isEmpty())
            return Error::invalid(u"featureNames"_s, u"a feature name is empty"_s);
        if (seen.contains(name))
            return Error::invalid(u"featureNames"_s, u"feature name \"%1\" appears twice"_s.arg(name));
        seen.insert(name);
    }
    const std::size_t rows = m_labels.size();
    if (m_values.size() != rows * std::size_t(featureCount()))
        return Error::invalid(
            u"values"_s, u"%1 values for %2 rows of %3 features"_s.arg(m_values.size()).arg(rows).arg(featureCount()));
    if (m_timesMs.size() != rows)
        return Error::invalid(u"timesMs"_s, u"%1 times for %2 rows"_s.arg(m_timesMs.size()).arg(rows));
    for (std::size_t i = 0; i < rows; ++i) {
        if (m_labels[i] > 1)
            return Error::invalid(u"labels"_s, u"row %1: label %2 is neither 0 nor 1"_s.arg(i).arg(m_labels[i]));
    }
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        if (std::isinf(m_values[i])) {
            const auto column = qsizetype(i % std::size_t(featureCount()));
            return Error::invalid(m_featureNames[column],
                                  u"row %1: value is infinite"_s.arg(i / std::size_t(featureCount())));
        }
    }
    return {};
}

Status Dataset::validateForTraining() const
{
    if (Status valid = validate(); !valid)
        return valid;
    const qsizetype positives = positiveCount();
    if (positives == 0 || positives == rowCount())
        return Error::invalid(
            u"labels"_s, u"training needs rows of both labels (%1 fraud of %2 rows)"_s.arg(positives).arg(rowCount()));
    return {};
}

TimeSplit Dataset::splitAt(qint64 cutoffMs) const
{
    TimeSplit split{Dataset(m_featureNames), Dataset(m_featureNames)};
    qsizetype before = 0;
    for (const qint64 time : m_timesMs)
        before += time < cutoffMs ? 1 : 0;
    split.train.reserve(before);
    split.evaluate.reserve(rowCount() - before);
    for (qsizetype i = 0; i < rowCount(); ++i)
        (timeMs(i) < cutoffMs ? split.train : split.evaluate).addRow(row(i), label(i) != 0, timeMs(i));
    return split;
}

} // namespace souk::risk
