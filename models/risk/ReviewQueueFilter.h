#pragma once

#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

#include "backend/core/Id.h"
#include "backend/risk/decisions/RiskTypes.h"

namespace souk {

/// What the review queue shows of the reviews it holds: one merchant's, those whose deciding rule
/// contains a text, those scored at least so high. Value type.
struct ReviewQueueFilter
{
    std::optional<Id> merchantId;
    QString ruleContains; ///< case-insensitive
    int minScore = -1;    ///< -1: any, unscored included; otherwise unscored reviews are left out
    bool matches(const risk::Review& review) const;
};

/// Sorts the review queue on RawRole and keeps the rows ReviewQueueFilter matches. Owned by its
/// page; GUI thread.
class ReviewQueueProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewQueueProxy)
public:
    explicit ReviewQueueProxy(QObject* parent = nullptr);
    void setFilter(const ReviewQueueFilter& filter);
    const ReviewQueueFilter& filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    ReviewQueueFilter m_filter;
};

} // namespace souk
