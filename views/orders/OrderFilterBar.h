#pragma once

#include <QHash>
#include <QList>
#include <QWidget>

#include <optional>

#include "backend/catalog/Merchant.h"
#include "backend/core/Currency.h"
#include "backend/core/Id.h"
#include "views/catalog/FieldErrors.h"

class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLineEdit;
class QTimer;

namespace souk {

class Clock;
class MessageBar;
class OrderFilter;

/// The order monitor's filter controls: search (see orders::OrderSearch), merchant, status,
/// payment, dates (presets or a custom range) and total amounts, read in the one currency they
/// can be read in. Reads them into an OrderFilter; a range that ends before it starts is shown
/// beside its field, an amount it cannot read in the page's message bar. objectName
/// "orderFilterBar". Owned by the orders page; GUI thread.
class OrderFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderFilterBar)
public:
    /// `merchantId`: the merchant the page opened for (null: every merchant) until the store's
    /// merchants are known. `clock` says what "today" is; `messages` reports unreadable amounts.
    OrderFilterBar(const Clock& clock, Id merchantId, MessageBar& messages, QWidget* parent = nullptr);

    /// The store's merchants: listed for choosing when there are more than one; their currencies
    /// decide what typed amounts mean.
    void setMerchants(const QList<catalog::Merchant>& merchants);
    /// Appends a widget to the end of the first row (the page's live switch).
    void addTrailingWidget(QWidget* widget);
    /// Reads the controls into `filter`; false when they describe nothing to apply (a custom date
    /// range that ends before it starts: the message is beside the field).
    bool read(OrderFilter& filter);
    /// Whether the rows can belong to different merchants: every merchant of a store of several.
    bool showsEveryMerchant() const;
    void focusSearch();
    /// Empties the search and applies it at once; the search keeps the focus, to type again.
    void clearSearch();

signals:
    /// A choice was made, or typing paused: the page reads the filter again.
    void changed();

private:
    void buildFirstRow(QHBoxLayout* layout);
    QWidget* buildDateRange();
    void connectInputs();
    Id chosenMerchant() const;
    void showDateRange();
    void updateAmounts();
    bool readDates(OrderFilter& filter);
    std::optional<qint64> readAmount(QLineEdit* edit, const QString& field);
    QString mixedCurrenciesText() const;

    const Clock& m_clock;
    const Id m_merchantId;
    MessageBar& m_messages;
    QHash<qint64, Currency> m_currencies;     ///< by merchant id
    std::optional<Currency> m_amountCurrency; ///< what typed amounts are in; none: amounts are off
    bool m_toEditedLast = false;              ///< which end of a bad range the message names
    FieldErrors m_errors;
    QTimer* m_typing = nullptr;
    QHBoxLayout* m_firstRow = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_merchant = nullptr; ///< shown when the store has more than one merchant
    QComboBox* m_status = nullptr;
    QComboBox* m_payment = nullptr;
    QComboBox* m_dates = nullptr;
    QWidget* m_range = nullptr; ///< the custom range's row
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLineEdit* m_minAmount = nullptr;
    QLineEdit* m_maxAmount = nullptr;
};

} // namespace souk
