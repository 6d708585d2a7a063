#pragma once

#include "backend/api/schema/Json.h"
#include "backend/auth/AuditRecord.h"
#include "backend/auth/Principal.h"
#include "backend/auth/User.h"
#include "backend/catalog/BulkEdit.h"
#include "backend/catalog/CatalogImport.h"
#include "backend/catalog/Inventory.h"
#include "backend/catalog/Merchant.h"
#include "backend/catalog/Product.h"
#include "backend/catalog/ProductEdit.h"
#include "backend/catalog/ProductSummary.h"
#include "backend/client/Client.h"
#include "backend/core/Money.h"
#include "backend/orders/Order.h"
#include "backend/orders/OrderQuery.h"
#include "backend/payments/Card.h"
#include "backend/payments/Maintenance.h"
#include "backend/payments/Payment.h"
#include "backend/payments/Payout.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/Reviews.h"
#include "backend/risk/decisions/RiskPolicy.h"

/// The JSON forms of the types the API carries, declared here and described once in Types.cpp
/// (snake_case names, ids as strings, money as {amount_minor, currency}). RemoteClient decodes
/// what the node encodes with the same descriptions, so the two cannot drift apart.
#define SOUK_API_OBJECT(T)                                                                                             \
    template <>                                                                                                        \
    struct Object<T>                                                                                                   \
    {                                                                                                                  \
        static const ObjectSpec<T>& spec();                                                                            \
    };
#define SOUK_API_ENUM(E)                                                                                               \
    template <>                                                                                                        \
    struct EnumNames<E>                                                                                                \
    {                                                                                                                  \
        static const QList<std::pair<E, QString>>& names();                                                            \
    };

namespace souk::api {

/// A Money as {"amount_minor": 1250, "currency": "EUR"}; the currency must be an active ISO 4217 code.
template <>
struct Json<Money>
{
    static QJsonValue encode(const Money& v);
    static Status decode(const QJsonValue& j, Money& out, const QString& path, Source source);
    static QJsonObject schema(Components& c);
};

/// An amount in one currency kept as a pair (OrderCounters::gmvToday): the same form as a Money.
template <>
struct Json<std::pair<QString, qint64>>
{
    static QJsonValue encode(const std::pair<QString, qint64>& v);
    static Status decode(const QJsonValue& j, std::pair<QString, qint64>& out, const QString& path, Source source);
    static QJsonObject schema(Components& c);
};

/// An import problem's sentence as {"template", "args"} (null: none), so that a console far from
/// the node translates it as a local one does (see ProblemText).
template <>
struct Json<catalog::ProblemText>
{
    static QJsonValue encode(const catalog::ProblemText& v);
    static Status decode(const QJsonValue& j, catalog::ProblemText& out, const QString& path, Source source);
    static QJsonObject schema(Components& c);
};

/// A real number (a risk feature's value, a model's contribution): finite only, never money.
template <>
struct Json<double>
{
    static QJsonValue encode(double v);
    static Status decode(const QJsonValue& j, double& out, const QString& path, Source source);
    static QJsonObject schema(Components& c);
};

SOUK_API_ENUM(orders::OrderStatus)
SOUK_API_ENUM(orders::PaymentState)
SOUK_API_ENUM(payments::PaymentStatus)
SOUK_API_ENUM(auth::Role)
SOUK_API_ENUM(auth::Via)
SOUK_API_ENUM(catalog::ProductStatus)
SOUK_API_ENUM(catalog::MovementKind)
SOUK_API_ENUM(catalog::CsvFormat)
SOUK_API_ENUM(catalog::BulkEdit::Kind)
SOUK_API_ENUM(Rounding)
SOUK_API_ENUM(orders::DiscountKind)
SOUK_API_ENUM(payments::DisputeStatus)
SOUK_API_ENUM(payments::AccountKind)

SOUK_API_OBJECT(catalog::Merchant)
SOUK_API_OBJECT(catalog::Location)
SOUK_API_OBJECT(orders::OrderLine)
SOUK_API_OBJECT(orders::Order)
SOUK_API_OBJECT(orders::OrderPage)
SOUK_API_OBJECT(orders::NewOrderLine)
SOUK_API_OBJECT(orders::NewOrder)
SOUK_API_OBJECT(orders::OrderEvent)
SOUK_API_OBJECT(orders::Address)
SOUK_API_OBJECT(orders::Customer)
SOUK_API_OBJECT(payments::CardInput)
SOUK_API_OBJECT(payments::PaymentContext)
SOUK_API_OBJECT(payments::CardSummary)
SOUK_API_OBJECT(payments::Payment)
SOUK_API_OBJECT(payments::Refund)
SOUK_API_OBJECT(payments::Checkout)
SOUK_API_OBJECT(payments::OrderDetail)
SOUK_API_OBJECT(auth::Principal)

// catalog (TypesCatalog.cpp)
SOUK_API_OBJECT(catalog::Variant)
SOUK_API_OBJECT(catalog::Product)
SOUK_API_OBJECT(catalog::ProductSummary)
SOUK_API_OBJECT(catalog::ProductPage)
SOUK_API_OBJECT(catalog::ProductEdit)
SOUK_API_OBJECT(catalog::BulkEdit)
SOUK_API_OBJECT(catalog::BulkSnapshot::ProductState)
SOUK_API_OBJECT(catalog::BulkSnapshot::VariantPrice)
SOUK_API_OBJECT(catalog::BulkSnapshot)
SOUK_API_OBJECT(catalog::BulkResult)
SOUK_API_OBJECT(catalog::StockLevel)
SOUK_API_OBJECT(catalog::StockMovement)
SOUK_API_OBJECT(catalog::StockAdjustment)
SOUK_API_OBJECT(catalog::RowError)
SOUK_API_OBJECT(catalog::ImportProduct)
SOUK_API_OBJECT(catalog::ImportPlan)
SOUK_API_OBJECT(catalog::ImportSummary)

// merchant terms, counters, disputes, the ledger and payouts (TypesMoney.cpp)
SOUK_API_OBJECT(orders::MerchantTerms)
SOUK_API_OBJECT(orders::DiscountCode)
SOUK_API_OBJECT(orders::OrderCounters)
SOUK_API_OBJECT(payments::Dispute)
SOUK_API_OBJECT(payments::Posting)
SOUK_API_OBJECT(payments::AccountBalance)
SOUK_API_OBJECT(payments::Payout)
SOUK_API_OBJECT(payments::MaintenanceResult)

// people and the audit log (TypesPeople.cpp)
SOUK_API_OBJECT(auth::User)
SOUK_API_OBJECT(auth::NewUser)
SOUK_API_OBJECT(auth::AddedUser)
SOUK_API_OBJECT(auth::ApiKeyInfo)
SOUK_API_OBJECT(auth::CreatedApiKey)
SOUK_API_OBJECT(auth::TotpEnrolment)
SOUK_API_OBJECT(auth::AuditRecord)
SOUK_API_OBJECT(auth::AuditVerification)

// risk: rule sets, lists, reviews and assessments (TypesRisk.cpp)
SOUK_API_ENUM(risk::RiskAction)
SOUK_API_ENUM(risk::ReviewVerdict)
SOUK_API_OBJECT(risk::RuleSetVersion)
SOUK_API_OBJECT(risk::RiskList)
SOUK_API_OBJECT(RiskListChange)
SOUK_API_OBJECT(risk::RiskReason)
SOUK_API_OBJECT(risk::Assessment)
SOUK_API_OBJECT(risk::CustomerHistory)
SOUK_API_OBJECT(risk::LinkedPayment)
SOUK_API_OBJECT(risk::Review)
SOUK_API_OBJECT(risk::BacktestRuleHits)
SOUK_API_OBJECT(risk::BacktestResult)
SOUK_API_OBJECT(risk::CurvePoint)
SOUK_API_OBJECT(risk::Confusion)
SOUK_API_OBJECT(risk::ModelEvaluation)
SOUK_API_OBJECT(risk::ModelVersion)

} // namespace souk::api
