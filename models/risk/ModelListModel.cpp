#include "models/risk/ModelListModel.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSet>

#include <limits>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/Format.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

const QString ModelEntity = u"risk_model"_s;

bool sameRow(const risk::ModelVersion& a, const risk::ModelVersion& b)
{
    // a version's training and evaluation never change; whether it scores does
    return a.version == b.version && a.active == b.active && a.activatedMs == b.activatedMs && a.kind == b.kind &&
           a.evaluation.has_value() == b.evaluation.has_value();
}

QString cutOffDate(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().date(), QLocale::ShortFormat);
}

QString figure(const std::optional<double>& value, int decimals)
{
    return value ? QLocale().toString(*value, 'f', decimals) : u"—"_s;
}

} // namespace

ModelListModel::ModelListModel(Client& client, QObject* parent) : QAbstractTableModel(parent), m_client(client)
{
    connect(&m_client, &Client::changed, this, &ModelListModel::onChanges);
}

QString ModelListModel::kindName(const QString& kind)
{
    if (kind == u"lr")
        return tr("Logistic regression", "risk model kind");
    if (kind == u"gbdt")
        return tr("Gradient-boosted trees", "risk model kind");
    return kind;
}

QString ModelListModel::modelName(const risk::ModelVersion& model)
{
    if (model.kind == u"lr")
        //: in a sentence; %1 is the model's version number
        return tr("Model %1 (logistic regression)").arg(model.version);
    if (model.kind == u"gbdt")
        //: in a sentence; %1 is the model's version number
        return tr("Model %1 (gradient-boosted trees)").arg(model.version);
    //: in a sentence; %1 is the model's version number
    return tr("Model %1").arg(model.version);
}

QString ModelListModel::percent(double fraction, int decimals)
{
    const QLocale locale;
    return locale.toString(fraction * 100.0, 'f', decimals) + locale.percent();
}

void ModelListModel::reload()
{
    const int generation = ++m_generation;
    onReady(m_client.riskModels(), this, [this, generation](const Result<QList<risk::ModelVersion>>& result) {
        if (generation != m_generation)
            return; // a newer read is under way: it answers
        m_loaded = true;
        if (!result) {
            m_loadError = result.error();
            emit loaded();
            return;
        }
        m_loadError.reset();
        merge(*result);
        emit loaded();
    });
}

void ModelListModel::merge(const QList<risk::ModelVersion>& versions)
{
    QSet<qint64> incoming;
    for (const risk::ModelVersion& v : versions)
        incoming.insert(v.version);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) { // versions are never deleted; still, follow
        if (!incoming.contains(m_rows[row].version)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // both lists are newest first and what is shown is now a subset of `versions`
    for (int i = 0; i < versions.size(); ++i) {
        const risk::ModelVersion& v = versions[i];
        if (i < m_rows.size() && m_rows[i].version == v.version) {
            if (!sameRow(m_rows[i], v)) {
                m_rows[i] = v;
                emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, v);
        endInsertRows();
    }
}

void ModelListModel::onChanges(const ChangeList& changes)
{
    for (const Change& c : changes) {
        if (c.entity == ModelEntity) {
            reload(); // one read for the batch: the whole list is a few rows
            return;
        }
    }
}

int ModelListModel::rowOf(qint64 version) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].version == version)
            return i;
    }
    return -1;
}

qint64 ModelListModel::activeVersion() const
{
    for (const risk::ModelVersion& m : m_rows) {
        if (m.active)
            return m.version;
    }
    return 0;
}

int ModelListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ModelListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelListModel::display(const risk::ModelVersion& m, int column) const
{
    const QLocale locale;
    switch (column) {
    case Version:
        return QString::number(m.version);
    case Kind:
        return kindName(m.kind);
    case State:
        //: the model that scores every payment now
        return m.active ? tr("● Active", "risk model state") : QString();
    case TrainedUntil:
        return cutOffDate(m.trainedUntilMs);
    case Auc:
        return figure(m.auc, 3);
    case RecallAt1Pct:
        return m.recallAt1PctFpr ? percent(*m.recallAt1PctFpr) : u"—"_s;
    case TrainRows:
        //: payments a model learned from / of them fraud
        return tr("%1 / %2", "training rows / fraud")
            .arg(locale.toString(qlonglong(m.trainRows)), locale.toString(qlonglong(m.trainPositives)));
    case Author:
        return m.createdBy;
    case Created:
        return formatDateTime(m.createdMs);
    }
    return {};
}

QVariant ModelListModel::raw(const risk::ModelVersion& m, int column) const
{
    constexpr double Missing = std::numeric_limits<double>::quiet_NaN();
    switch (column) {
    case Version:
        return m.version;
    case Kind:
        return m.kind;
    case State:
        return m.active;
    case TrainedUntil:
        return m.trainedUntilMs;
    case Auc:
        return m.auc.value_or(Missing);
    case RecallAt1Pct:
        return m.recallAt1PctFpr.value_or(Missing);
    case TrainRows:
        return m.trainRows;
    case Author:
        return m.createdBy;
    case Created:
        return m.createdMs;
    }
    return {};
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const risk::ModelVersion& m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(m, index.column());
    case Qt::ToolTipRole:
        if (index.column() == State && m.active && m.activatedMs)
            //: %1 is a date and time
            return tr("Scores every payment since %1").arg(formatDateTime(*m.activatedMs));
        if (index.column() == TrainedUntil)
            return tr("Trained on the payments before this date, evaluated on those after it");
        if (index.column() == TrainRows)
            return tr("%Ln payment(s) learned from", nullptr,
                      int(qMin<qint64>(m.trainRows, std::numeric_limits<int>::max())));
        if (!m.evaluation && (index.column() == Auc || index.column() == RecallAt1Pct))
            return tr("Not evaluated: the window after the cut-off had no fraud or no good payments");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Version || index.column() == Auc || index.column() == RecallAt1Pct ||
            index.column() == TrainRows)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (m.active) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case RawRole:
        return raw(m, index.column());
    case VersionRole:
        return m.version;
    }
    return {};
}

QVariant ModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        if (section == Auc)
            return tr("Area under the ROC curve on the payments after the cut-off: 1 is perfect, 0.5 is chance");
        if (section == RecallAt1Pct)
            return tr("Share of fraud caught when 1 % of good payments are flagged");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Version:
        return tr("Version", "risk model column");
    case Kind:
        return tr("Kind", "risk model column");
    case State:
        return tr("State", "risk model column");
    case TrainedUntil:
        return tr("Trained until", "risk model column: the cut-off date");
    case Auc:
        return tr("AUC", "risk model column: area under the ROC curve");
    case RecallAt1Pct:
        return tr("Recall at 1 % FP", "risk model column: fraud caught at 1 % false positives");
    case TrainRows:
        return tr("Trained on / fraud", "risk model column: payments learned from and the fraud among them");
    case Author:
        return tr("By", "risk model column: who trained it");
    case Created:
        return tr("Trained", "risk model column: when");
    }
    return {};
}

} // namespace souk
