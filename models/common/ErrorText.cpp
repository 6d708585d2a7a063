#include "models/common/ErrorText.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Gives the free functions of this file the translation context "ErrorText".
class ErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString headline(ErrorCode code);
    static QString baseLabel(const QString& name);
};

QString ErrorText::headline(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid:
        return tr("This value is not valid.");
    case ErrorCode::NotFound:
        return tr("This item no longer exists. Someone may have deleted it.");
    case ErrorCode::Conflict:
        return tr("This cannot be done in the current state.");
    case ErrorCode::Duplicate:
        return tr("This value is already in use.");
    case ErrorCode::VersionConflict:
        return tr("This was changed by someone else in the meantime.");
    case ErrorCode::Overflow:
        return tr("The amount is too large.");
    case ErrorCode::StoreLocked:
        return tr("The store is open in another program.");
    case ErrorCode::StoreCorrupt:
        return tr("The store file is damaged or is not a Souk store.");
    case ErrorCode::StoreNewer:
        return tr("The store was written by a newer version of Souk.");
    case ErrorCode::StoreReadOnly:
        return tr("The store cannot be written. Check the file and folder permissions.");
    case ErrorCode::StoreIo:
        return tr("The store could not be read or written.");
    case ErrorCode::Cancelled:
        return tr("The operation was cancelled.");
    case ErrorCode::Unavailable:
        return tr("Souk is busy right now. Please try again in a moment.");
    case ErrorCode::Internal:
        return tr("Something went wrong inside Souk. Please report this problem.");
    case ErrorCode::IllegalTransition:
        return tr("This step is not possible in the order's or payment's current state.");
    case ErrorCode::IdempotencyConflict:
        return tr("This request was already sent with different details. Start the action again.");
    case ErrorCode::InsufficientStock:
        return tr("There is not enough stock available.");
    case ErrorCode::CardInvalid:
        return tr("The card details are not valid.");
    case ErrorCode::InProgress:
        return tr("This payment is still being processed. Wait a moment, then look at the order again.");
    case ErrorCode::Unauthenticated:
        return tr("Sign in again: the user name, password or code is wrong, or the session has ended.");
    case ErrorCode::Forbidden:
        return tr("Your role does not allow this. Ask an owner or an administrator.");
    case ErrorCode::AccountLocked:
        return tr("This account is locked for now. Wait, or ask an administrator.");
    }
    // a code newer than this table: still say something, and name the code for support
    const QString name = errorCodeName(code); // "internal" for a code it does not know either
    //: %1 is a machine code such as "quota_exceeded" or a number
    return tr("Something went wrong (error code: %1).").arg(name == u"internal"_s ? QString::number(int(code)) : name);
}

QString ErrorText::baseLabel(const QString& name)
{
    // built per call so that a language switch at run time is honoured
    const QHash<QString, QString> labels{
        {u"title"_s, tr("Title", "product field")},
        {u"handle"_s, tr("Handle", "product field: URL key")},
        {u"description"_s, tr("Description", "product field")},
        {u"vendor"_s, tr("Vendor", "product field")},
        {u"category"_s, tr("Category", "product field")},
        {u"tags"_s, tr("Tags", "product field")},
        {u"status"_s, tr("Status", "product field")},
        {u"optionNames"_s, tr("Option names", "product field")},
        {u"variants"_s, tr("Variants", "product field")},
        {u"sku"_s, tr("SKU", "variant field")},
        {u"optionValues"_s, tr("Option values", "variant field")},
        {u"price"_s, tr("Price", "variant field")},
        {u"compareAtPrice"_s, tr("Compare-at price", "variant field")},
        {u"cost"_s, tr("Cost", "variant field")},
        {u"barcode"_s, tr("Barcode", "variant field")},
        {u"weightGrams"_s, tr("Weight", "variant field")},
        {u"lowStockThreshold"_s, tr("Low-stock threshold", "variant field")},
        {u"amount"_s, tr("Amount")},
        {u"amountMinor"_s, tr("Amount")},
        {u"basisPoints"_s, tr("Percentage")},
        {u"reason"_s, tr("Reason", "stock adjustment")},
        {u"quantity"_s, tr("Quantity")},
        {u"delta"_s, tr("Quantity change", "stock adjustment")},
        {u"currency"_s, tr("Currency")},
        {u"name"_s, tr("Name")},
        {u"productIds"_s, tr("Products")},
        {u"productId"_s, tr("Product")},
        {u"variantId"_s, tr("Variant")},
        {u"locationId"_s, tr("Location")},
        {u"merchantId"_s, tr("Merchant")},
    };
    return labels.value(name);
}

} // namespace

QString errorText(const souk::Error& error)
{
    // not "try again": it may be done already, and only the same request (its key) is safe twice
    if (error.outcomeUnknown)
        return ErrorText::tr("The node lost its database while saving this (a restart or failover), so it may or may "
                             "not have been done. Check before you do it again.");
    return ErrorText::headline(error.code);
}

QString signInOutcomeUnknownText()
{
    return ErrorText::tr("The node lost its database as you signed in (a restart or failover), so the sign-in may "
                         "not have gone through. Sign in again; with two-step sign-in, use the next code.");
}

QString errorTextWithField(const souk::Error& error)
{
    if (error.field.isEmpty())
        return errorText(error);
    //: %1 is a field label such as "Price (variant 3)", %2 an error sentence
    return ErrorText::tr("%1: %2").arg(fieldLabel(error.field), errorText(error));
}

QString errorDetails(const souk::Error& error)
{
    QString details = errorCodeName(error.code);
    if (!error.field.isEmpty())
        details = fieldLabel(error.field) + u" \u2014 "_s + details;
    if (!error.message.isEmpty())
        details += u": "_s + error.message;
    return details;
}

QString fieldLabel(const QString& field)
{
    static const QRegularExpression variantField(u"^variants\\[(\\d+)\\]\\.(\\w+)$"_s);
    if (const auto match = variantField.match(field); match.hasMatch()) {
        const int index = match.captured(1).toInt();
        const QString base = ErrorText::baseLabel(match.captured(2));
        //: %1 is a variant field such as "Price"; %2 the variant's 1-based row number
        return ErrorText::tr("%1 (variant %2)").arg(base.isEmpty() ? match.captured(2) : base).arg(index + 1);
    }
    const QString label = ErrorText::baseLabel(field);
    return label.isEmpty() ? field : label;
}

} // namespace souk
