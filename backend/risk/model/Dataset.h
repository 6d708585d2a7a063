#pragma once

#include <QStringList>

#include <span>
#include <vector>

#include "backend/core/Result.h"

namespace souk::risk {

struct TimeSplit;

/// Labelled rows for training and evaluation: a row-major float matrix (rows × features), one 0/1
/// label (1 = fraud) and one time (ms since the epoch) per row, and the features' names.
/// NaN in a value means "missing". A value type, owned by its holder; any thread, one at a time.
class Dataset
{
public:
    Dataset() = default;
    explicit Dataset(QStringList featureNames);
    /// Takes the columns as they are; call validate() before trusting them.
    Dataset(QStringList featureNames, std::vector<float> values, std::vector<quint8> labels,
            std::vector<qint64> timesMs);

    const QStringList& featureNames() const { return m_featureNames; }
    int featureCount() const { return int(m_featureNames.size()); }
    qsizetype rowCount() const { return qsizetype(m_labels.size()); }

    void reserve(qsizetype rows);
    /// Appends a row; values.size() must equal featureCount() (asserted).
    void addRow(std::span<const float> values, bool fraud, qint64 timeMs);

    std::span<const float> row(qsizetype index) const;
    int label(qsizetype index) const { return m_labels[std::size_t(index)]; }
    qint64 timeMs(qsizetype index) const { return m_timesMs[std::size_t(index)]; }
    const std::vector<float>& values() const { return m_values; }
    const std::vector<quint8>& labels() const { return m_labels; }
    const std::vector<qint64>& timesMs() const { return m_timesMs; }
    qsizetype positiveCount() const;

    /// Names non-empty and unique, column sizes consistent, labels 0 or 1, no infinite value.
    Status validate() const;
    /// validate(), and at least one row of each label: what training needs.
    Status validateForTraining() const;

    /// Rows with time < cutoffMs train, rows with time >= cutoffMs evaluate; row order is kept.
    TimeSplit splitAt(qint64 cutoffMs) const;

private:
    QStringList m_featureNames;
    std::vector<float> m_values;
    std::vector<quint8> m_labels;
    std::vector<qint64> m_timesMs;
};

/// The two halves of a dataset split by time.
struct TimeSplit
{
    Dataset train;
    Dataset evaluate;
};

} // namespace souk::risk
