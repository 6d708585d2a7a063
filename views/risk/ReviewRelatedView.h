#pragma once

#include <QWidget>

#include "backend/risk/decisions/RiskTypes.h"

class QLabel;
class QTableWidget;

namespace souk {

/// What a reviewer weighs beside the reasons: the customer's record at this merchant (payments,
/// refunds, disputes, fraud, since when) and the merchant's other payments that share the card,
/// the email, the device or the IP, newest first, fraud and disputes marked. Shows what it is
/// given (Review::customer, Review::linked). GUI thread.
class ReviewRelatedView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewRelatedView)
public:
    explicit ReviewRelatedView(QWidget* parent = nullptr);
    void showReview(const risk::Review& review);
    /// While the review's history is read.
    void showReading();

private:
    QLabel* m_customer = nullptr;
    QLabel* m_linkedTitle = nullptr;
    QTableWidget* m_linked = nullptr;
};

} // namespace souk
