#pragma once

#include <QWidget>

#include <optional>

#include "backend/core/Error.h"
#include "backend/risk/decisions/RiskTypes.h"

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace souk {

class MessageBar;
class ReviewRelatedView;

/// One review as a reviewer works it: amount, email, the deciding rule, the reasons in words with
/// what a model made of each, the countries side by side (a mismatch stands out), the customer's
/// history and the linked payments (a second tab), who holds it, and
/// the Approve / Decline / Fraud buttons (off while someone else holds it). Shows what it is
/// given; the page does the reading and claiming. GUI thread.
class ReviewDetailPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewDetailPanel)
public:
    explicit ReviewDetailPanel(QWidget* parent = nullptr);
    /// `me`: the signed-in user's name (a claim of theirs leaves the buttons on).
    void showReview(const risk::Review& review, const QString& me, qint64 nowMs);
    /// The shown review's customer history and linked payments, as one review's read has them
    /// (Client::review); ignored when another review is shown by then.
    void showRelated(const risk::Review& full);
    void clear();
    /// True when a review is shown and the buttons may decide it.
    bool canDecide() const { return m_canDecide; }
    MessageBar* messageBar() const { return m_messageBar; }

signals:
    void decideRequested(risk::ReviewVerdict verdict);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showCountries();

    MessageBar* m_messageBar = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_facts = nullptr;
    QLabel* m_claim = nullptr;
    QTableWidget* m_reasons = nullptr;
    QTabWidget* m_tabs = nullptr;
    ReviewRelatedView* m_related = nullptr;
    QList<QLabel*> m_countries; ///< card, IP, shipping, billing
    QStringList m_countryCodes; ///< as m_countries show them: painted again when the palette changes
    QPushButton* m_approve = nullptr;
    QPushButton* m_decline = nullptr;
    QPushButton* m_fraud = nullptr;
    QWidget* m_body = nullptr;
    QLabel* m_empty = nullptr;
    bool m_canDecide = false;
    Id m_shownId; ///< the review shown: showRelated() answers for it only
};

} // namespace souk
