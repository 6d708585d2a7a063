// The API's one table and its JSON forms, without a node: every operation well formed, and the
// decoding of bad input naming the field.
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "backend/api/schema/OpenApi.h"
#include "backend/api/schema/Operations.h"
#include "backend/api/schema/Problem.h"
#include "backend/api/schema/Types.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::api;

namespace {

/// `value` as a node answers it and RemoteClient reads it: encoded, through text, decoded.
template <typename T>
T throughText(const T& value, Source source = Source::Answer)
{
    const QJsonValue json = Json<T>::encode(value);
    const QJsonValue back = QJsonDocument::fromJson(QJsonDocument(QJsonArray{json}).toJson()).array().at(0);
    T read{};
    const Status s = Json<T>::decode(back, read, {}, source);
    if (!s)
        qWarning().noquote() << "decoding failed:" << s.error().toString();
    return read;
}

/// What the node writes straight into bytes is what QJsonDocument writes for the encoded value.
template <typename T>
QByteArray writtenMismatch(const T& value)
{
    QByteArray written;
    JsonWriter w(written);
    jsonWrite(w, value);
    const QByteArray expected = QJsonDocument(QJsonArray{Json<T>::encode(value)}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
    return written == expected ? QByteArray() : "written:  " + written + "\nexpected: " + expected;
}

/// Both encodings are the same text: nothing was lost on the way.
template <typename T>
bool sameJson(const T& a, const T& b)
{
    return QJsonDocument(QJsonArray{Json<T>::encode(a)}).toJson() == QJsonDocument(QJsonArray{Json<T>::encode(b)}).toJson();
}

catalog::Product productWithVariants()
{
    catalog::Product p;
    p.id = Id{501};
    p.merchantId = Id{7};
    p.handle = u"mug"_s;
    p.title = u"Mug"_s;
    p.description = u"A mug"_s;
    p.vendor = u"Potter"_s;
    p.category = u"Kitchen"_s;
    p.tags = {u"white"_s, u"cup"_s};
    p.status = catalog::ProductStatus::Active;
    p.optionNames = {u"Size"_s};
    const Currency eur = *Currency::find(u"EUR");
    catalog::Variant small;
    small.id = Id{601};
    small.sku = u"MUG-S"_s;
    small.optionValues = {u"S"_s};
    small.price = Money(1500, eur);
    small.compareAtPrice = Money(1800, eur);
    small.barcode = u"4006381333931"_s;
    small.weightGrams = 300;
    small.lowStockThreshold = 5;
    small.version = 3;
    catalog::Variant large = small;
    large.id = Id{602};
    large.sku = u"MUG-L"_s;
    large.optionValues = {u"L"_s};
    large.compareAtPrice.reset();
    large.cost = Money(700, eur);
    p.variants = {small, large};
    p.version = 9;
    p.createdMs = 1'700'000'000'000;
    p.updatedMs = 1'700'000'100'000;
    return p;
}

} // namespace

class TestApiSchema : public QObject
{
    Q_OBJECT

private slots:
    void operationsAreWellFormed()
    {
        QSet<QString> ids;
        QSet<QString> routes;
        static const QRegularExpression segment(u"^([a-z0-9_]+|\\{[a-z_]+\\})$"_s);
        for (const ApiOperation& op : apiOperations()) {
            QVERIFY2(!ids.contains(op.id), qPrintable(op.id));
            ids.insert(op.id);
            const QString route = QString::fromLatin1(op.method) + u' ' + op.path;
            QVERIFY2(!routes.contains(route), qPrintable(route));
            routes.insert(route);
            QVERIFY2(op.path.startsWith(u"/v1/"_s), qPrintable(op.path));
            QVERIFY(op.serve);
            QVERIFY(!op.summary.isEmpty());
            // a mutation takes a key; a read never does. A read is a GET, but for the two that
            // take a document, a file or rules (a body on a GET has no defined meaning): a POST
            // without a key
            QCOMPARE(op.idempotent, auth::specOf(op.op).mutation);
            const bool readWithFile = op.id == u"plan_import"_s || op.id == u"backtest_rules"_s;
            QVERIFY2(!readWithFile || !op.idempotent, qPrintable(op.id));
            QVERIFY2((op.method == "GET") == (!op.idempotent && !readWithFile), qPrintable(op.id));
            QStringList pathParams;
            for (const QString& s : op.path.mid(1).split(u'/')) {
                QVERIFY2(segment.match(s).hasMatch(), qPrintable(op.path));
                if (s.startsWith(u'{'))
                    pathParams << s.mid(1, s.size() - 2);
            }
            for (const ParamSpec& p : op.params)
                if (p.in == In::Path)
                    QVERIFY2(pathParams.removeOne(p.name), qPrintable(op.id + u' ' + p.name));
            QVERIFY2(pathParams.isEmpty(), qPrintable(op.id + u" leaves path parameters undeclared"_s));
        }
    }

    /// Every operation of Client that reaches the engine is in the table (sign-in is the node's
    /// own route; actor, principal, location and storeDamage are the client's own state).
    void everyClientOperationIsRouted()
    {
        const QStringList expected = {
            // merchants, customers
            u"list_merchants"_s, u"list_locations"_s, u"set_merchant_terms"_s, u"add_discount_code"_s,
            u"create_customer"_s,
            // products
            u"list_products"_s, u"search_products"_s, u"list_product_summaries"_s, u"get_product"_s,
            u"create_product"_s, u"update_product"_s, u"edit_product"_s, u"undo_product_edit"_s, u"bulk_edit"_s,
            u"undo_bulk_edit"_s, u"list_categories"_s,
            // stock, import and export
            u"list_stock_levels"_s, u"list_stock_movements"_s, u"adjust_stock"_s, u"plan_import"_s,
            u"run_import"_s, u"export_catalog"_s,
            // orders
            u"list_orders"_s, u"list_orders_by_id"_s, u"get_order_counters"_s, u"get_order"_s, u"create_order"_s,
            u"cancel_order"_s, u"advance_order"_s,
            // payments
            u"checkout"_s, u"capture_payment"_s, u"void_payment"_s, u"refund_payment"_s, u"authorize_payment"_s,
            u"open_dispute"_s, u"submit_dispute_evidence"_s, u"resolve_dispute"_s,
            // the ledger
            u"payout"_s, u"read_payouts"_s, u"read_ledger"_s, u"run_maintenance"_s,
            // risk
            u"list_rule_sets"_s, u"get_rule_set"_s, u"save_rule_set"_s, u"activate_rule_set"_s,
            u"set_rule_set_shadow"_s, u"list_risk_lists"_s, u"get_risk_list_values"_s, u"create_risk_list"_s,
            u"add_risk_list_values"_s, u"remove_risk_list_values"_s, u"list_reviews"_s, u"get_review"_s,
            u"claim_review"_s, u"release_review"_s, u"decide_review"_s, u"get_payment_risk"_s, u"backtest_rules"_s,
            u"list_risk_models"_s, u"train_risk_model"_s, u"activate_risk_model"_s,
            // people, keys, audit
            u"sign_out"_s, u"change_password"_s, u"begin_totp"_s, u"confirm_totp"_s, u"list_users"_s,
            u"add_user"_s, u"disable_user"_s, u"reset_totp"_s, u"list_api_keys"_s, u"create_api_key"_s,
            u"revoke_api_key"_s, u"read_audit"_s, u"verify_audit"_s,
        };
        QStringList routed;
        for (const ApiOperation& op : apiOperations())
            routed << op.id;
        QStringList missing;
        for (const QString& id : expected)
            if (!routed.contains(id))
                missing << id;
        QVERIFY2(missing.isEmpty(), qPrintable(u"not routed: "_s + missing.join(u", "_s)));
        QStringList unexpected;
        for (const QString& id : routed)
            if (!expected.contains(id))
                unexpected << id;
        QVERIFY2(unexpected.isEmpty(), qPrintable(u"not in the list: "_s + unexpected.join(u", "_s)));
        // every permission that is a Client operation has a route
        QSet<int> permissions;
        for (const ApiOperation& op : apiOperations())
            permissions.insert(int(op.op));
        for (const auth::OperationSpec& spec : auth::operations())
            if (spec.op != auth::Operation::SignIn && spec.op != auth::Operation::CheckStore) // not Client methods
                QVERIFY2(permissions.contains(int(spec.op)), qPrintable(QString::fromUtf16(spec.name)));
    }

    /// The node takes the first route that matches: a literal segment ("search") must come
    /// before a template ("{product_id}") that would take it.
    void literalRoutesComeFirst()
    {
        const QList<ApiOperation>& all = apiOperations();
        for (qsizetype i = 0; i < all.size(); ++i) {
            const QStringList earlier = all[i].path.split(u'/');
            for (qsizetype j = i + 1; j < all.size(); ++j) {
                const QStringList later = all[j].path.split(u'/');
                if (all[i].method != all[j].method || earlier.size() != later.size())
                    continue;
                bool shadows = true;
                for (qsizetype k = 0; k < earlier.size() && shadows; ++k)
                    shadows = earlier[k] == later[k] || earlier[k].startsWith(u'{');
                QVERIFY2(!shadows, qPrintable(all[i].id + u" takes the requests of "_s + all[j].id));
            }
        }
    }

    void productRoundTrips()
    {
        const catalog::Product p = productWithVariants();
        const QJsonObject json = Json<catalog::Product>::encode(p).toObject();
        const QJsonObject price = json[u"variants"_s][0][u"price"_s].toObject();
        QCOMPARE(price.value(u"amount_minor"_s).toInteger(), 1500);
        QCOMPARE(price.value(u"currency"_s).toString(), u"EUR"_s);
        QVERIFY(json[u"variants"_s][1][u"compare_at_price"_s].isNull());
        const catalog::Product read = throughText(p);
        QCOMPARE(read.id, p.id);
        QCOMPARE(read.title, p.title);
        QCOMPARE(read.tags, p.tags);
        QCOMPARE(read.status, p.status);
        QCOMPARE(read.variants.size(), 2);
        QCOMPARE(read.variants[0].price, p.variants[0].price);
        QCOMPARE(read.variants[0].compareAtPrice, p.variants[0].compareAtPrice);
        QVERIFY(!read.variants[1].compareAtPrice);
        QCOMPARE(read.variants[1].cost, p.variants[1].cost);
        QCOMPARE(read.variants[1].optionValues, QStringList{u"L"_s});
        QCOMPARE(read.version, 9);
        QCOMPARE(read.createdMs, p.createdMs);
        QVERIFY(sameJson(read, p));
        // what the console read, it sends back (an update, an undo): accepted as a request
        QVERIFY(sameJson(throughText(p, Source::Json), p));
        catalog::ProductEdit edit{p, p};
        edit.after.version = 10;
        QVERIFY(sameJson(throughText(edit, Source::Json), edit));
    }

    void productMoneyNamesItsField()
    {
        QJsonObject json = Json<catalog::Product>::encode(productWithVariants()).toObject();
        QJsonArray variants = json[u"variants"_s].toArray();
        QJsonObject second = variants[1].toObject();
        second[u"price"_s] = QJsonObject{{u"amount_minor"_s, 100}, {u"currency"_s, u"XXY"_s}};
        variants[1] = second;
        json[u"variants"_s] = variants;
        catalog::Product read;
        const Status s = Json<catalog::Product>::decode(json, read, u"product"_s, Source::Json);
        QVERIFY(!s);
        QCOMPARE(s.error().field, u"product.variants[1].price.currency"_s);
    }

    void importPlanRoundTrips()
    {
        catalog::ImportPlan plan;
        catalog::ImportProduct item;
        item.product = productWithVariants();
        item.product.id = Id{};
        item.inventoryQuantities = {12, std::nullopt};
        item.variantLines = {2, 3};
        item.derivedSkus = {false, true};
        item.firstLine = 2;
        plan.products = {item};
        catalog::RowError error;
        error.line = 4;
        error.column = u"Variant Price"_s;
        error.text = {catalog::problemtext::Negative, {}};
        error.message = error.text.english();
        catalog::RowError other;
        other.line = 5;
        other.text = {catalog::problemtext::NotANumber, {u"12,5"_s}};
        other.message = other.text.english();
        plan.errors = {error, other};
        plan.rowCount = 4;
        plan.variantCount = 2;
        plan.derivedSkuCount = 1;
        plan.derivedSkuExample = u"mug-l"_s;
        plan.suggestedFormat = catalog::CsvFormat::Shopify;
        const catalog::ImportPlan read = throughText(plan);
        QCOMPARE(read.products.size(), 1);
        QCOMPARE(read.products[0].inventoryQuantities, item.inventoryQuantities);
        QCOMPARE(read.products[0].derivedSkus, item.derivedSkus);
        QCOMPARE(read.products[0].product.variants.size(), 2);
        QCOMPARE(read.errors.size(), 2);
        QCOMPARE(read.errors[0].column, u"Variant Price"_s);
        // the sentence is the same template, for the console's translator
        QCOMPARE(QByteArray(read.errors[1].text.source), QByteArray(catalog::problemtext::NotANumber));
        QCOMPARE(read.errors[1].text.args, QStringList{u"12,5"_s});
        QCOMPARE(read.errors[1].text.english(), other.message);
        QCOMPARE(read.suggestedFormat, plan.suggestedFormat);
        QVERIFY(sameJson(read, plan));
        QVERIFY(sameJson(throughText(plan, Source::Json), plan)); // run_import sends it back
    }

    void moneyAndPeopleRoundTrip()
    {
        const payments::Payout payout{Id{81}, Id{7}, u"JPY"_s, 9'007'199'254'740'993, Id{82}, 1'700'000'000'000};
        const QJsonObject pj = Json<payments::Payout>::encode(payout).toObject();
        QCOMPARE(pj[u"amount"_s][u"currency"_s].toString(), u"JPY"_s);
        const payments::Payout p = throughText(payout);
        QCOMPARE(p.id, payout.id);
        QCOMPARE(p.amountMinor, payout.amountMinor);
        QCOMPARE(p.currency, payout.currency);
        QCOMPARE(p.entryId, payout.entryId);
        QVERIFY(sameJson(p, payout));

        auth::AuditRecord record;
        record.seq = 42;
        record.atMs = 1'700'000'000'000;
        record.userId = Id{3};
        record.userName = u"olga"_s;
        record.role = u"owner"_s;
        record.merchantId = Id{7};
        record.via = u"api_key"_s;
        record.credentialId = Id{11};
        record.origin = u"api 127.0.0.1"_s;
        record.operation = u"refund_payment"_s;
        record.objects = {u"payment:9"_s};
        record.reason = u"broken"_s;
        record.outcome = u"ok"_s;
        const auth::AuditRecord r = throughText(record);
        QCOMPARE(r.seq, 42);
        QCOMPARE(r.objects, record.objects);
        QCOMPARE(r.credentialId, record.credentialId);
        QVERIFY(sameJson(r, record));

        auth::User user;
        user.id = Id{3};
        user.name = u"olga"_s;
        user.role = auth::Role::Owner;
        user.merchantId = Id{7};
        user.totpEnabled = true;
        user.failedSignIns = 2;
        user.lastSignInMs = 1'700'000'000'000;
        user.mustChangePassword = true;
        user.version = 5;
        const auth::User u = throughText(user);
        QCOMPARE(u.role, auth::Role::Owner);
        QCOMPARE(u.lastSignInMs, user.lastSignInMs);
        QVERIFY(!u.disabledMs);
        QVERIFY(sameJson(u, user));
        QVERIFY(sameJson(throughText(auth::AddedUser{user, u"one-time"_s}), auth::AddedUser{user, u"one-time"_s}));
    }

    /// A review as the queue answers it: its payment, claim and the assessment's reasons (real
    /// numbers, the only ones the API carries) survive the trip; the written bytes are the document's.
    void reviewRoundTrips()
    {
        risk::Review r;
        r.id = Id{31};
        r.paymentId = Id{32};
        r.orderId = Id{33};
        r.merchantId = Id{7};
        r.status = u"open"_s;
        r.openedMs = 1'700'000'000'000;
        r.deadlineMs = 1'700'600'000'000;
        r.claimedBy = u"rita"_s;
        r.claimedUntilMs = 1'700'000'300'000;
        r.version = 2;
        r.amountMinor = 5000;
        r.currency = u"EUR"_s;
        r.email = u"ana@example.com"_s;
        r.cardCountry = u"US"_s;
        r.assessment.id = Id{34};
        r.assessment.action = risk::RiskAction::Review;
        r.assessment.score = 72;
        r.assessment.ruleSetVersion = 3;
        r.assessment.ruleLine = 2;
        r.assessment.ruleText = u"Review if :amount: >= 50"_s;
        r.assessment.fired = {2, 4};
        r.assessment.reasons = {{u"amount_to_customer_mean"_s, 4.25, 18.5, u"amount 4.2x the customer's usual"_s},
                                {u"is_new_device"_s, 1, 0, u"a new device"_s}};
        r.assessment.shadowAction = u"block"_s;
        r.assessment.shadowVersion = 4;
        const risk::Review read = throughText(r);
        QCOMPARE(read.amountMinor, 5000);
        QCOMPARE(read.assessment.action, risk::RiskAction::Review);
        QCOMPARE(read.assessment.fired, (QList<int>{2, 4}));
        QCOMPARE(read.assessment.reasons.size(), 2);
        QCOMPARE(read.assessment.reasons[0].value, 4.25);
        QCOMPARE(read.assessment.reasons[0].contribution, 18.5);
        QVERIFY(sameJson(read, r));
        QCOMPARE(writtenMismatch(r), QByteArray());
        // a number that is not one is refused, naming where it is
        double x = 0;
        QCOMPARE(Json<double>::decode(u"4"_s, x, u"value"_s, Source::Json).error().field, u"value"_s);
        // a verdict is one of three
        risk::ReviewVerdict v{};
        const Status bad = Json<risk::ReviewVerdict>::decode(u"maybe"_s, v, u"verdict"_s, Source::Json);
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, u"verdict"_s);
        QVERIFY(Json<risk::ReviewVerdict>::decode(u"fraud"_s, v, u"verdict"_s, Source::Json));
        QCOMPARE(v, risk::ReviewVerdict::Fraud);
    }

    void orderDetailKeepsDisputesAndPostings()
    {
        payments::OrderDetail d;
        d.order.id = Id{12};
        d.order.currency = u"EUR"_s;
        d.order.totalMinor = 1500;
        d.customer.id = Id{4};
        d.customer.name = u"Ana"_s;
        payments::Payment pay;
        pay.id = Id{13};
        pay.currency = u"EUR"_s;
        pay.retryable = true;
        d.payments = {pay};
        payments::Dispute dispute;
        dispute.id = Id{14};
        dispute.paymentId = Id{13};
        dispute.status = payments::DisputeStatus::Lost;
        dispute.amountMinor = 1500;
        dispute.feeMinor = 1500;
        dispute.reason = u"fraudulent"_s;
        dispute.resolvedMs = 1'700'000'000'000;
        d.disputes = {dispute};
        d.postings = {{Id{15}, u"dispute_lost"_s, Id{7}, payments::AccountKind::DisputeLosses, u"EUR"_s, 1500, 5},
                      {Id{15}, u"dispute_lost"_s, Id{}, payments::AccountKind::ProviderClearing, u"EUR"_s, -1500, 5}};
        const payments::OrderDetail read = throughText(d);
        QCOMPARE(read.disputes.size(), 1);
        QCOMPARE(read.disputes[0].status, payments::DisputeStatus::Lost);
        QCOMPARE(read.disputes[0].resolvedMs, dispute.resolvedMs);
        QCOMPARE(read.postings.size(), 2);
        QCOMPARE(read.postings[1].account, payments::AccountKind::ProviderClearing);
        QCOMPARE(read.postings[1].amountMinor, -1500);
        QVERIFY(read.postings[1].merchantId.isNull());
        QVERIFY(read.payments[0].retryable);
        QVERIFY(sameJson(read, d));
    }

    void listsInQueriesAreBoundedInBodiesByTheirBytes()
    {
        QStringList many;
        for (int i = 0; i <= Json<QList<qint64>>::MaxItems; ++i)
            many.append(QString::number(i));
        QList<qint64> read;
        const Status query = Json<QList<qint64>>::decode(many.join(u','), read, u"ids"_s, Source::Text);
        QVERIFY(!query);
        QCOMPARE(query.error().field, u"ids"_s);
        QVERIFY(read.isEmpty());
        // a body's list (a catalog import plan of 30,000 products) is bounded by the body's bytes
        const QJsonArray array = QJsonArray::fromStringList(many);
        QJsonArray numbers;
        for (const QJsonValue& v : array)
            numbers.append(v.toString().toLongLong());
        QVERIFY(Json<QList<qint64>>::decode(numbers, read, u"ids"_s, Source::Json));
        QCOMPARE(read.size(), Json<QList<qint64>>::MaxItems + 1);
        QVERIFY(Json<QList<qint64>>::decode(numbers, read, u"ids"_s, Source::Answer));
    }

    void writerWritesWhatQJsonDocumentWrites()
    {
        catalog::Product p = productWithVariants();
        p.description = u"quote \" backslash \\ tab \t newline \n bell \x07 del \x7f é 中文 😀"_s;
        QCOMPARE(writtenMismatch(p), QByteArray());
        payments::OrderDetail d;
        d.order.id = Id{12};
        d.order.currency = u"EUR"_s;
        d.order.totalMinor = -1500;
        d.order.lines = {orders::OrderLine{Id{3}, u"SKU"_s, u"Mug\u0001"_s, 2, 750, 1500}};
        d.customer.name = u"Ana"_s;
        payments::Payment pay;
        pay.id = Id{13};
        pay.retryable = true;
        d.payments = {pay};
        QCOMPARE(writtenMismatch(d), QByteArray());
        QCOMPARE(writtenMismatch(QList<qint64>{0, -1, std::numeric_limits<qint64>::max()}), QByteArray());
        QCOMPARE(writtenMismatch(std::optional<QString>{}), QByteArray());
        // the ETag's field, read without encoding the rest
        d.order.version = 7;
        QCOMPARE(jsonAt(d, u"order.version").toInteger(), 7);
        QVERIFY(jsonAt(d, u"order.nothing").isUndefined());
        QVERIFY(jsonAt(d, u"nothing").isUndefined());
    }

    /// What the console sends back as it read it is a valid request.
    void roundTripTypesAreRequests()
    {
        catalog::BulkResult bulk;
        bulk.edit.merchantId = Id{7};
        bulk.edit.productIds = {Id{501}};
        bulk.edit.kind = catalog::BulkEdit::Kind::AdjustPriceByPercent;
        bulk.edit.basisPoints = 1000;
        bulk.before.products = {{Id{501}, catalog::ProductStatus::Active, u"Kitchen"_s, 9}};
        bulk.before.variants = {{Id{601}, Id{501}, 1500, 3}};
        bulk.after = bulk.before;
        bulk.after.variants[0].priceMinor = 1650;
        QVERIFY(sameJson(throughText(bulk, Source::Json), bulk));
        orders::MerchantTerms terms{Id{7}, 825, 290, 30, 499, 30, 4};
        terms.disputeFeeMinor = QMap<QString, qint64>{{u"EUR"_s, 1500}};
        QVERIFY(sameJson(throughText(terms, Source::Json), terms));
        orders::Customer customer;
        customer.name = u"Ana"_s;
        customer.version = 2;
        QVERIFY(sameJson(throughText(customer, Source::Json), customer));
        orders::OrderCounters counters;
        counters.gmvToday = {{u"EUR"_s, 1200}, {u"JPY"_s, 300}};
        counters.awaitingCapture = 3;
        QVERIFY(sameJson(throughText(counters), counters));
    }

    void documentListsEveryOperation()
    {
        const QJsonObject doc = openApiDocument(u"1.0.0"_s);
        QCOMPARE(doc.value(u"openapi"_s).toString(), u"3.1.0"_s);
        const QJsonObject paths = doc.value(u"paths"_s).toObject();
        for (const ApiOperation& op : apiOperations()) {
            const QJsonObject o =
                paths.value(op.path.mid(3)).toObject().value(QString::fromLatin1(op.method).toLower()).toObject();
            QCOMPARE(o.value(u"operationId"_s).toString(), op.id);
            QVERIFY(o.value(u"responses"_s).toObject().contains(u"4XX"_s));
        }
        // every $ref resolves
        const QByteArray text = QJsonDocument(doc).toJson();
        static const QRegularExpression ref(u"\"#/components/schemas/([A-Za-z]+)\""_s);
        const QJsonObject schemas = doc.value(u"components"_s).toObject().value(u"schemas"_s).toObject();
        for (auto it = ref.globalMatch(QString::fromUtf8(text)); it.hasNext();) {
            const QString name = it.next().captured(1);
            QVERIFY2(schemas.contains(name), qPrintable(name));
        }
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not an object") << QByteArray("[1]") << u"order"_s;
        QTest::newRow("unknown field") << QByteArray(R"({"merchant_id":"1","lines":[],"colour":"red"})") << u"order.colour"_s;
        QTest::newRow("missing") << QByteArray(R"({"lines":[]})") << u"order.merchant_id"_s;
        QTest::newRow("id as number") << QByteArray(R"({"merchant_id":1,"lines":[]})") << u"order.merchant_id"_s;
        QTest::newRow("id not digits") << QByteArray(R"({"merchant_id":"12a","lines":[]})") << u"order.merchant_id"_s;
        QTest::newRow("id negative") << QByteArray(R"({"merchant_id":"-4","lines":[]})") << u"order.merchant_id"_s;
        QTest::newRow("quantity as text")
            << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":[{"sku":"A","quantity":"2"}]})") << u"order.lines[0].quantity"_s;
        QTest::newRow("quantity fraction")
            << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":[{"sku":"A","quantity":1.5}]})") << u"order.lines[0].quantity"_s;
        QTest::newRow("fee out of range")
            << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":[],"delivery_fee_minor":1e30})") << u"order.delivery_fee_minor"_s;
        QTest::newRow("fee past int64")
            << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":[],"delivery_fee_minor":9223372036854775808})")
            << u"order.delivery_fee_minor"_s;
        QTest::newRow("lines not a list") << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":{}})") << u"order.lines"_s;
        QTest::newRow("answered-only field") << QByteArray(R"({"merchant_id":"1","lines":[],"id":"5"})") << u"order.id"_s;
    }

    void badInputNamesTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const QJsonValue value = QJsonDocument::fromJson("[" + json + "]").array().at(0);
        orders::NewOrder order;
        const Status s = Json<orders::NewOrder>::decode(value, order, u"order"_s, Source::Json);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Invalid);
        QCOMPARE(s.error().field, field);
    }

    void textParametersAreParsed()
    {
        qint64 n = 0;
        QVERIFY(Json<qint64>::decode(u"42"_s, n, u"limit"_s, Source::Text));
        QCOMPARE(n, 42);
        QVERIFY(!Json<qint64>::decode(u"42"_s, n, u"limit"_s, Source::Json)); // a body's number is a number
        QVERIFY(!Json<qint64>::decode(u"4x"_s, n, u"limit"_s, Source::Text));
        bool b = false;
        QVERIFY(Json<bool>::decode(u"true"_s, b, u"capture"_s, Source::Text));
        QVERIFY(b);
        QVERIFY(!Json<bool>::decode(u"yes"_s, b, u"capture"_s, Source::Text));
        orders::OrderStatus status{};
        const Status bad = Json<orders::OrderStatus>::decode(u"sent"_s, status, u"status"_s, Source::Text);
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(u"pending_payment"_s), qPrintable(bad.error().message));
    }

    /// What a node answers, RemoteClient reads back the same.
    void answersRoundTrip()
    {
        orders::Order o;
        o.id = Id{12345};
        o.number = 1042;
        o.merchantId = Id{7};
        o.status = orders::OrderStatus::Paid;
        o.paymentState = orders::PaymentState::Captured;
        o.currency = u"JPY"_s;
        o.totalMinor = 9'007'199'254'740'993; // past 2^53: exact only as an integer
        o.lines = {{Id{9}, u"SKU-1"_s, u"Tea"_s, 2, 150, 300}};
        o.version = 4;
        const QJsonValue json = Json<orders::Order>::encode(o);
        QCOMPARE(json.toObject().value(u"total"_s).toObject().value(u"amount_minor"_s).toInteger(), o.totalMinor);
        QCOMPARE(json.toObject().value(u"id"_s).toString(), u"12345"_s);
        // through text, as it travels
        const QJsonValue back =
            QJsonDocument::fromJson(QJsonDocument(QJsonArray{json}).toJson()).array().at(0);
        orders::Order read;
        QVERIFY(Json<orders::Order>::decode(back, read, {}, Source::Answer));
        QCOMPARE(read.id, o.id);
        QCOMPARE(read.totalMinor, o.totalMinor);
        QCOMPARE(read.currency, o.currency);
        QCOMPARE(read.status, o.status);
        QCOMPARE(read.lines.size(), 1);
        QCOMPARE(read.lines.first().sku, u"SKU-1"_s);
        QCOMPARE(read.version, 4);
    }

    void problemsCarryCodeAndField()
    {
        const Error e = Error::invalid(u"order.lines[0].quantity"_s, u"must be an integer"_s);
        const QJsonObject p = problem(e, httpStatusOf(e.code), u"/v1/orders"_s);
        QCOMPARE(p.value(u"status"_s).toInt(), 400);
        QCOMPARE(p.value(u"code"_s).toString(), u"invalid"_s);
        QCOMPARE(p.value(u"field"_s).toString(), u"order.lines[0].quantity"_s);
        QCOMPARE(p.value(u"type"_s).toString(), u"urn:souk:problem:invalid"_s);
        const Error back = errorFromProblem(p, 400);
        QCOMPARE(back.code, e.code);
        QCOMPARE(back.field, e.field);
        QCOMPARE(back.message, e.message);
        QCOMPARE(httpStatusOf(ErrorCode::NotFound), 404);
        QCOMPARE(httpStatusOf(ErrorCode::Unauthenticated), 401);
        QCOMPARE(httpStatusOf(ErrorCode::Forbidden), 403);
        QCOMPARE(httpStatusOf(ErrorCode::IdempotencyConflict), 409);
        QCOMPARE(httpStatusOf(ErrorCode::Unavailable), 503);
    }
};

QTEST_GUILESS_MAIN(TestApiSchema)
#include "TestApiSchema.moc"
