#include "backend/payments/StoredResult.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include "backend/payments/CommandJson.h"
#include "backend/payments/PaymentJson.h"
#include "backend/payments/PaymentService.h"

using namespace Qt::StringLiterals;
using souk::orders::Order;

namespace souk::payments {
namespace {

constexpr char FixedFormat = 1; ///< the first form: fields in a fixed order, nothing to say which
constexpr char FieldFormat = 2; ///< today's form: a field count, each field typed; never '{'
constexpr char OrderKind = 'O';
constexpr char PaymentKind = 'P';
constexpr char LineKind = 'L';
constexpr char CheckoutKind = 'C';
constexpr char IntegerField = 'i';
constexpr char TextField = 't';
constexpr char RecordField = 'r';
constexpr int LinesMax = 10'000; ///< a sanity bound for a damaged record, far above any order
constexpr int FieldsMax = 0xFFFF;

/// Appends typed fields to a record: the format byte, the kind, the number of fields, then each
/// field as a type byte and its value (integers as 8 little-endian bytes, text and nested
/// records as a length and their bytes). Fields are only ever appended to a kind's list, so a
/// reader meets a record's fields in the order it knows: one written before a field existed
/// ends early (the field reads as its default), one written by a newer Souk has fields after
/// the last it knows, which it skips by their type.
class Writer
{
public:
    Writer(char kind, qsizetype expected)
    {
        m_bytes.reserve(expected);
        m_bytes.append(FieldFormat);
        m_bytes.append(kind);
        m_bytes.append(2, '\0'); // the field count, once known
    }
    Writer& integer(qint64 v)
    {
        m_bytes.append(IntegerField);
        raw(v);
        return counted();
    }
    Writer& id(Id v) { return integer(v.value); }
    Writer& text(const QString& v) { return bytes(TextField, v.toUtf8()); }
    Writer& record(const QByteArray& nested) { return bytes(RecordField, nested); }
    QByteArray take()
    {
        Q_ASSERT(m_fields <= FieldsMax);
        qToLittleEndian(quint16(m_fields), m_bytes.data() + 2);
        return std::move(m_bytes);
    }

private:
    void raw(qint64 v)
    {
        char le[8];
        qToLittleEndian(v, le);
        m_bytes.append(le, 8);
    }
    Writer& bytes(char type, const QByteArray& v)
    {
        m_bytes.append(type);
        raw(v.size());
        m_bytes.append(v);
        return counted();
    }
    Writer& counted()
    {
        ++m_fields;
        return *this;
    }
    QByteArray m_bytes;
    int m_fields = 0;
};

/// Reads a record of either binary form back, field by field in the order written; any short
/// or mistyped read marks the record bad. Fields a record of today's form does not have read as
/// their defaults.
class Reader
{
public:
    Reader(const QByteArray& bytes, char kind) : m_bytes(bytes)
    {
        m_ok = bytes.size() >= 2 && bytes[1] == kind && (bytes[0] == FixedFormat || bytes[0] == FieldFormat);
        m_typed = m_ok && bytes[0] == FieldFormat;
        m_at = 2;
        if (m_typed) {
            m_ok = bytes.size() >= 4;
            m_fields = m_ok ? qFromLittleEndian<quint16>(bytes.constData() + 2) : 0;
            m_at = 4;
        }
    }
    qint64 integer()
    {
        if (!field(IntegerField))
            return 0;
        return raw();
    }
    Id id() { return Id{integer()}; }
    QString text() { return QString::fromUtf8(bytes(TextField)); }
    /// A nested record (today's form only).
    QByteArray record() { return bytes(RecordField); }
    /// An enumerator stored as its integer, checked against its range.
    template <typename E> E enumerator(int last)
    {
        const qint64 v = integer();
        if (v < 0 || v > last)
            m_ok = false;
        return m_ok ? E(v) : E(0);
    }
    /// Whole and nothing left over, once the fields a newer Souk added are skipped.
    bool good()
    {
        while (m_ok && m_typed && m_read < m_fields)
            skip();
        return m_ok && m_at == m_bytes.size();
    }
    bool ok() const { return m_ok; }
    bool typed() const { return m_typed; }

private:
    /// True when the next field is there and of `type`; false (and nothing read) when the
    /// record predates it.
    bool field(char type)
    {
        if (!m_ok)
            return false;
        if (!m_typed)
            return true;
        if (m_read >= m_fields)
            return false;
        if (m_at >= m_bytes.size() || m_bytes[m_at] != type) {
            m_ok = false;
            return false;
        }
        ++m_at;
        ++m_read;
        return true;
    }
    qint64 raw()
    {
        if (!m_ok || m_bytes.size() - m_at < 8) {
            m_ok = false;
            return 0;
        }
        const qint64 v = qFromLittleEndian<qint64>(m_bytes.constData() + m_at);
        m_at += 8;
        return v;
    }
    QByteArray bytes(char type)
    {
        if (!field(type))
            return {};
        const qint64 size = raw();
        if (!m_ok || size < 0 || size > m_bytes.size() - m_at) {
            m_ok = false;
            return {};
        }
        const QByteArray v = m_bytes.mid(m_at, size);
        m_at += size;
        return v;
    }
    void skip()
    {
        const char type = m_at < m_bytes.size() ? m_bytes[m_at] : '\0';
        if (type == IntegerField)
            integer();
        else if (type == TextField || type == RecordField)
            bytes(type);
        else
            m_ok = false;
    }

    const QByteArray& m_bytes;
    qsizetype m_at = 0;
    bool m_ok = false;
    bool m_typed = false;
    int m_fields = 0;
    int m_read = 0;
};

Error unreadable(const char* what)
{
    return Error::internal(u"a stored %1 result cannot be read back"_s.arg(QLatin1StringView(what)));
}

bool isJson(const QByteArray& bytes)
{
    return bytes.startsWith('{');
}

QJsonObject jsonOf(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray jsonBytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray StoredResult<Order>::encode(const Order& o)
{
    Writer w(OrderKind, 300 + o.lines.size() * 110);
    w.id(o.id).id(o.merchantId).id(o.customerId).id(o.locationId);
    w.integer(int(o.status)).integer(int(o.paymentState)).text(o.currency);
    w.integer(o.subtotalMinor).integer(o.discountMinor).text(o.discountCode).integer(o.taxMinor);
    w.integer(o.deliveryFeeMinor).integer(o.totalMinor).integer(o.capturedMinor).integer(o.refundedMinor);
    w.text(o.cardLast4).text(o.customerEmail);
    w.integer(o.expiresMs).integer(o.createdMs).integer(o.updatedMs).integer(o.version);
    w.integer(o.lines.size());
    for (const orders::OrderLine& l : o.lines) {
        Writer line(LineKind, 96);
        line.id(l.variantId).text(l.sku).text(l.title);
        line.integer(l.quantity).integer(l.unitPriceMinor).integer(l.lineTotalMinor);
        w.record(line.take());
    }
    w.integer(o.number).text(o.customerName);
    // a new field goes here, after every field above: see Writer
    return w.take();
}

namespace {

void readLine(Reader& r, orders::OrderLine& l)
{
    l.variantId = r.id();
    l.sku = r.text();
    l.title = r.text();
    l.quantity = r.integer();
    l.unitPriceMinor = r.integer();
    l.lineTotalMinor = r.integer();
}

} // namespace

Result<Order> StoredResult<Order>::decode(const QByteArray& bytes)
{
    if (isJson(bytes))
        return PaymentJson::orderFrom(jsonOf(bytes));
    Reader r(bytes, OrderKind);
    Order o;
    o.id = r.id();
    o.merchantId = r.id();
    o.customerId = r.id();
    o.locationId = r.id();
    o.status = r.enumerator<orders::OrderStatus>(orders::OrderStatusCount - 1);
    o.paymentState = r.enumerator<orders::PaymentState>(orders::PaymentStateCount - 1);
    o.currency = r.text();
    o.subtotalMinor = r.integer();
    o.discountMinor = r.integer();
    o.discountCode = r.text();
    o.taxMinor = r.integer();
    o.deliveryFeeMinor = r.integer();
    o.totalMinor = r.integer();
    o.capturedMinor = r.integer();
    o.refundedMinor = r.integer();
    o.cardLast4 = r.text();
    o.customerEmail = r.text();
    o.expiresMs = r.integer();
    o.createdMs = r.integer();
    o.updatedMs = r.integer();
    o.version = r.integer();
    const qint64 lines = r.integer();
    if (lines < 0 || lines > LinesMax)
        return unreadable("order");
    for (qint64 i = 0; i < lines && r.ok(); ++i) {
        orders::OrderLine l;
        if (r.typed()) { // each line a record of its own, so lines can gain fields too
            const QByteArray nested = r.record();
            Reader lr(nested, LineKind);
            readLine(lr, l);
            if (!lr.good())
                return unreadable("order line");
        } else {
            readLine(r, l);
        }
        o.lines.append(std::move(l));
    }
    if (r.typed()) { // the first form ends with the lines; a record from before numbers, here too
        o.number = r.integer();
        o.customerName = r.text();
    }
    if (!r.good())
        return unreadable("order");
    return o;
}

QByteArray StoredResult<Payment>::encode(const Payment& p)
{
    Writer w(PaymentKind, 384);
    w.id(p.id).id(p.orderId).id(p.merchantId).integer(int(p.status)).text(p.currency);
    w.integer(p.amountMinor).integer(p.capturedMinor).integer(p.refundedMinor);
    w.text(p.card.brand).text(p.card.last4).integer(p.card.expMonth).integer(p.card.expYear).text(p.card.fingerprint);
    w.text(p.declineCode).integer(p.retryable ? 1 : 0).text(p.providerRef);
    w.integer(p.authorizedMs).integer(p.authExpiresMs).integer(p.version);
    w.text(p.attention);
    // a new field goes here, after every field above: see Writer
    return w.take();
}

Result<Payment> StoredResult<Payment>::decode(const QByteArray& bytes)
{
    if (isJson(bytes))
        return PaymentJson::paymentFrom(jsonOf(bytes));
    Reader r(bytes, PaymentKind);
    Payment p;
    p.id = r.id();
    p.orderId = r.id();
    p.merchantId = r.id();
    p.status = r.enumerator<PaymentStatus>(int(PaymentStatus::Expired));
    p.currency = r.text();
    p.amountMinor = r.integer();
    p.capturedMinor = r.integer();
    p.refundedMinor = r.integer();
    p.card.brand = r.text();
    p.card.last4 = r.text();
    p.card.expMonth = int(r.integer());
    p.card.expYear = int(r.integer());
    p.card.fingerprint = r.text();
    p.declineCode = r.text();
    p.retryable = r.integer() != 0;
    p.providerRef = r.text();
    p.authorizedMs = r.integer();
    p.authExpiresMs = r.integer();
    p.version = r.integer();
    if (r.typed()) // the first binary form ends at `version`
        p.attention = r.text(); // and a typed record from before the field existed reads it empty
    if (!r.good())
        return unreadable("payment");
    return p;
}

QByteArray StoredResult<Checkout>::encode(const Checkout& c)
{
    const QByteArray order = StoredResult<Order>::encode(c.order);
    const QByteArray payment = StoredResult<Payment>::encode(c.payment);
    Writer w(CheckoutKind, 64 + order.size() + payment.size());
    w.record(order).record(payment);
    return w.take();
}

Result<Checkout> StoredResult<Checkout>::decode(const QByteArray& bytes)
{
    Reader r(bytes, CheckoutKind);
    const QByteArray order = r.record();
    const QByteArray payment = r.record();
    if (!r.typed() || !r.good())
        return unreadable("checkout");
    auto o = StoredResult<Order>::decode(order);
    if (!o)
        return o.error();
    auto p = StoredResult<Payment>::decode(payment);
    if (!p)
        return p.error();
    return Checkout{*o, *p};
}

QByteArray StoredResult<Refund>::encode(const Refund& refund)
{
    return jsonBytes(PaymentJson::refund(refund));
}

Result<Refund> StoredResult<Refund>::decode(const QByteArray& bytes)
{
    return PaymentJson::refundFrom(jsonOf(bytes));
}

QByteArray StoredResult<Dispute>::encode(const Dispute& dispute)
{
    return jsonBytes(PaymentJson::dispute(dispute));
}

Result<Dispute> StoredResult<Dispute>::decode(const QByteArray& bytes)
{
    return PaymentJson::disputeFrom(jsonOf(bytes));
}

QByteArray StoredResult<QList<Payout>>::encode(const QList<Payout>& payouts)
{
    return jsonBytes(PaymentJson::payouts(payouts));
}

Result<QList<Payout>> StoredResult<QList<Payout>>::decode(const QByteArray& bytes)
{
    return PaymentJson::payoutsFrom(jsonOf(bytes));
}

QByteArray StoredResult<catalog::StockLevel>::encode(const catalog::StockLevel& level)
{
    return jsonBytes(CommandJson::stockLevel(level));
}

Result<catalog::StockLevel> StoredResult<catalog::StockLevel>::decode(const QByteArray& bytes)
{
    return CommandJson::stockLevelFrom(jsonOf(bytes));
}

QByteArray StoredResult<catalog::BulkResult>::encode(const catalog::BulkResult& result)
{
    return jsonBytes(CommandJson::bulkResult(result));
}

Result<catalog::BulkResult> StoredResult<catalog::BulkResult>::decode(const QByteArray& bytes)
{
    return CommandJson::bulkResultFrom(jsonOf(bytes));
}

QByteArray StoredResult<catalog::ProductEdit>::encode(const catalog::ProductEdit& edit)
{
    return jsonBytes(CommandJson::productEdit(edit));
}

Result<catalog::ProductEdit> StoredResult<catalog::ProductEdit>::decode(const QByteArray& bytes)
{
    return CommandJson::productEditFrom(jsonOf(bytes));
}

QByteArray StoredResult<orders::Customer>::encode(const orders::Customer& customer)
{
    return jsonBytes(CommandJson::customer(customer));
}

Result<orders::Customer> StoredResult<orders::Customer>::decode(const QByteArray& bytes)
{
    return CommandJson::customerFrom(jsonOf(bytes));
}

QByteArray StoredResult<orders::MerchantTerms>::encode(const orders::MerchantTerms& terms)
{
    return jsonBytes(CommandJson::terms(terms));
}

Result<orders::MerchantTerms> StoredResult<orders::MerchantTerms>::decode(const QByteArray& bytes)
{
    return CommandJson::termsFrom(jsonOf(bytes));
}

QByteArray StoredResult<bool>::encode(bool done)
{
    return jsonBytes({{u"done"_s, done}});
}

Result<bool> StoredResult<bool>::decode(const QByteArray& bytes)
{
    const QJsonValue done = jsonOf(bytes).value(u"done"_s);
    if (!done.isBool())
        return unreadable("done");
    return done.toBool();
}

} // namespace souk::payments
