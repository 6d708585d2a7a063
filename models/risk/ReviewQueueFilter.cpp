#include "models/risk/ReviewQueueFilter.h"

#include "models/risk/ReviewListModel.h"

namespace souk {

bool ReviewQueueFilter::matches(const risk::Review& review) const
{
    if (merchantId && review.merchantId != *merchantId)
        return false;
    if (minScore >= 0 && review.assessment.score < minScore)
        return false; // an unscored review (-1) is below any minimum
    const QString rule = ruleContains.trimmed();
    return rule.isEmpty() || review.assessment.ruleText.contains(rule, Qt::CaseInsensitive);
}

ReviewQueueProxy::ReviewQueueProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ReviewListModel::RawRole);
    setDynamicSortFilter(true);
}

void ReviewQueueProxy::setFilter(const ReviewQueueFilter& filter)
{
    m_filter = filter;
    invalidateFilter();
}

bool ReviewQueueProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const auto* model = qobject_cast<const ReviewListModel*>(sourceModel());
    return !model || m_filter.matches(model->review(sourceRow));
}

} // namespace souk
