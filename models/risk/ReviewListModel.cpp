#include "models/risk/ReviewListModel.h"

#include <QSet>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "backend/core/Clock.h"
#include "backend/core/Currency.h"
#include "models/common/Format.h"
#include "models/risk/ReviewText.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int ReasonsShown = 3;
const QString ReviewEntity = u"risk_review"_s;

QString reasonsText(const risk::Review& r)
{
    QStringList texts;
    for (const risk::RiskReason& reason : r.assessment.reasons) {
        if (texts.size() == ReasonsShown)
            break;
        if (reason.feature == u"amount"_s)
            continue; // the amount has its own column
        texts.append(ReviewText::riskReason(reason, r));
    }
    //: between two risk reasons in the queue's "Top reasons" column
    return texts.join(ReviewListModel::tr("; ", "reason separator"));
}

} // namespace

ReviewListModel::ReviewListModel(Client& client, const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent), m_client(client), m_clock(clock)
{
    connect(&m_client, &Client::changed, this, &ReviewListModel::onChanges);
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &ReviewListModel::tick);
    m_tick.start();
}

qint64 ReviewListModel::nowMs() const
{
    return m_clock.nowMs();
}

void ReviewListModel::reload()
{
    const int generation = ++m_generation;
    risk::ReviewFilter filter; // open reviews; the engine scopes them to the principal
    onReady(m_client.reviews(filter), this, [this, generation](const Result<QList<risk::Review>>& result) {
        if (generation != m_generation)
            return;
        m_loaded = true;
        if (!result) {
            m_loadError = result.error();
            emit loaded();
            return;
        }
        m_loadError.reset();
        beginResetModel(); // the whole queue, once per load
        m_rows = *result;
        endResetModel();
        emit loaded();
    });
}

int ReviewListModel::rowOf(Id reviewId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == reviewId)
            return i;
    }
    return -1;
}

bool ReviewListModel::isOpen(const risk::Review& r) const
{
    return r.status == u"open"_s && r.deadlineMs > nowMs();
}

void ReviewListModel::apply(const risk::Review& review)
{
    const int row = rowOf(review.id);
    if (row >= 0 && review.version < m_rows[row].version)
        return; // an older read answered after a newer one
    if (!isOpen(review)) {
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    } else if (row >= 0) {
        m_rows[row] = review;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(review);
        endInsertRows();
    }
    emit reviewChanged(review.id);
}

void ReviewListModel::onChanges(const ChangeList& changes)
{
    QSet<qint64> seen;
    for (const Change& c : changes) {
        if (c.entity != ReviewEntity || seen.contains(c.id.value))
            continue;
        seen.insert(c.id.value);
        const Id id = c.id;
        onReady(m_client.review(id), this, [this, id](const Result<risk::Review>& result) {
            if (result) {
                apply(*result);
            } else if (const int row = rowOf(id); row >= 0) { // gone from this principal's sight
                beginRemoveRows({}, row, row);
                m_rows.removeAt(row);
                endRemoveRows();
                emit reviewChanged(id);
            }
        });
    }
}

void ReviewListModel::tick()
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows[row].deadlineMs <= nowMs()) { // lapsed: nothing left to capture
            const Id id = m_rows[row].id;
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
            emit reviewChanged(id);
        }
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Age), index(int(m_rows.size()) - 1, Claim));
}

int ReviewListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const risk::Review& r = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case RawRole:
        return raw(r, index.column());
    case IdRole:
        return r.id.value;
    case Qt::TextAlignmentRole:
        if (index.column() == Amount || index.column() == Score)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Reasons || index.column() == Rule)
            return display(r, index.column());
        return {};
    default:
        return {};
    }
}

QVariant ReviewListModel::display(const risk::Review& r, int column) const
{
    switch (column) {
    case Amount:
        return formatMoneyIn(r.amountMinor, r.currency);
    case Score:
        return r.assessment.score < 0 ? u"\u2014"_s : QString::number(r.assessment.score);
    case Rule:
        return r.assessment.ruleText.isEmpty() ? tr("(no rule)") : r.assessment.ruleText;
    case Reasons:
        return reasonsText(r);
    case Age:
        return ReviewText::duration(nowMs() - r.openedMs);
    case TimeLeft:
        return ReviewText::duration(r.deadlineMs - nowMs());
    case Claim:
        return r.claimedUntilMs > nowMs() ? r.claimedBy : QString();
    }
    return {};
}

QVariant ReviewListModel::raw(const risk::Review& r, int column) const
{
    switch (column) {
    case Amount:
        return r.amountMinor;
    case Score:
        return r.assessment.score;
    case Rule:
        return r.assessment.ruleText;
    case Reasons:
        return reasonsText(r);
    case Age:
        return nowMs() - r.openedMs;
    case TimeLeft:
        return r.deadlineMs - nowMs();
    case Claim:
        return r.claimedUntilMs > nowMs() ? r.claimedBy : QString();
    }
    return {};
}

QVariant ReviewListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Amount:
        return tr("Amount");
    case Score:
        return tr("Score", "risk score");
    case Rule:
        return tr("Rule", "deciding risk rule");
    case Reasons:
        return tr("Top reasons");
    case Age:
        return tr("Age", "how long the review is open");
    case TimeLeft:
        return tr("Time left", "until the authorization lapses");
    case Claim:
        return tr("Held by", "who has claimed the review");
    }
    return {};
}

} // namespace souk
