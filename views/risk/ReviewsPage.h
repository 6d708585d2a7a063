#pragma once

#include <QWidget>

#include "backend/core/Error.h"
#include "backend/core/Id.h"
#include "backend/risk/decisions/RiskTypes.h"

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace souk {

class Client;
class Clock;
class MessageBar;
class ReviewDetailPanel;
class ReviewListModel;
class ReviewQueueProxy;

/// The fraud review queue for support staff, operators and owners (the engine shows an owner only
/// their merchant's): open reviews, sortable and filtered by merchant, rule text and minimum score,
/// kept live by the change feed. Selecting a review claims it; the detail panel shows why it was
/// held and decides it. Keys: J/K down/up, N next unclaimed, A/D/F approve/decline/fraud (the
/// reason dialog opens pre-filled; Enter confirms). Several selected rows are decided together
/// after one confirmation. GUI thread; every read and write goes through the Client.
class ReviewsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewsPage)
public:
    /// `clock` must outlive the page.
    ReviewsPage(Client& client, const Clock& clock, QWidget* parent = nullptr);
    ReviewListModel* model() const { return m_model; }
    /// The review shown in the detail panel (null when none).
    Id currentReview() const { return m_current; }

signals:
    /// A decision (of one review or a bulk) has been answered by the engine and shown.
    void decided();

private:
    void applyFilter();
    void moveBy(int rows);
    void nextUnclaimed();
    void onCurrentChanged();
    void claim(Id reviewId);
    void showCurrent();
    void decide(risk::ReviewVerdict verdict);
    void decideOne(Id reviewId, risk::ReviewVerdict verdict, const QString& reason, const QString& note, bool block);
    void decideMany(const QList<Id>& ids, risk::ReviewVerdict verdict, const QString& reason, const QString& note,
                    bool block);
    QList<Id> selectedReviews() const;
    void selectRow(int proxyRow);
    void loadMerchants();

    Client& m_client;
    const Clock& m_clock;
    ReviewListModel* m_model = nullptr;
    ReviewQueueProxy* m_proxy = nullptr;
    MessageBar* m_messageBar = nullptr;
    QComboBox* m_merchant = nullptr;
    QLineEdit* m_rule = nullptr;
    QSpinBox* m_minScore = nullptr;
    QTableView* m_table = nullptr;
    ReviewDetailPanel* m_detail = nullptr;
    Id m_current;
    Id m_held; ///< the review this page claimed last (released when another is opened)
};

} // namespace souk
