#include "backend/payments/StoredResult.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include "backend/payments/PaymentJson.h"
#include "backend/payments/PaymentService.h"

using namespace Qt::StringLiterals;
using souk::orders::Order;

namespace souk::payments {
namespace {

constexpr char BinaryFormat = 1; ///< the first byte of a binary record; never '{'
constexpr char OrderKind = 'O';
constexpr char PaymentKind = 'P';
constexpr int LinesMax = 10'000; ///< a sanity bound for a damaged record, far above any order

/// Appends fields to a record.
class Writer
{
public:
    Writer(char kind, qsizetype expected)
    {
        m_bytes.reserve(expected);
        m_bytes.append(BinaryFormat);
        m_bytes.append(kind);
    }
    Writer& integer(qint64 v)
    {
        char le[8];
        qToLittleEndian(v, le);
        m_bytes.append(le, 8);
        return *this;
    }
    Writer& id(Id v) { return integer(v.value); }
    Writer& text(const QString& v)
    {
        const QByteArray utf8 = v.toUtf8();
        integer(utf8.size());
        m_bytes.append(utf8);
        return *this;
    }
    QByteArray take() { return std::move(m_bytes); }

private:
    QByteArray m_bytes;
};

/// Reads fields back in the order they were written; any short read marks the record bad.
class Reader
{
public:
    Reader(const QByteArray& bytes, char kind) : m_bytes(bytes)
    {
        m_ok = bytes.size() >= 2 && bytes[0] == BinaryFormat && bytes[1] == kind;
        m_at = 2;
    }
    qint64 integer()
    {
        if (!m_ok || m_bytes.size() - m_at < 8) {
            m_ok = false;
            return 0;
        }
        const qint64 v = qFromLittleEndian<qint64>(m_bytes.constData() + m_at);
        m_at += 8;
        return v;
    }
    Id id() { return Id{integer()}; }
    QString text()
    {
        const qint64 size = integer();
        if (!m_ok || size < 0 || size > m_bytes.size() - m_at) {
            m_ok = false;
            return {};
        }
        const QString v = QString::fromUtf8(m_bytes.constData() + m_at, size);
        m_at += size;
        return v;
    }
    /// An enumerator stored as its integer, checked against its range.
    template <typename E> E enumerator(int last)
    {
        const qint64 v = integer();
        if (v < 0 || v > last)
            m_ok = false;
        return m_ok ? E(v) : E(0);
    }
    /// Whole and nothing left over.
    bool good() const { return m_ok && m_at == m_bytes.size(); }
    bool ok() const { return m_ok; }

private:
    const QByteArray& m_bytes;
    qsizetype m_at = 0;
    bool m_ok = false;
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
    Writer w(OrderKind, 256 + o.lines.size() * 96);
    w.id(o.id).id(o.merchantId).id(o.customerId).id(o.locationId);
    w.integer(int(o.status)).integer(int(o.paymentState)).text(o.currency);
    w.integer(o.subtotalMinor).integer(o.discountMinor).text(o.discountCode).integer(o.taxMinor);
    w.integer(o.deliveryFeeMinor).integer(o.totalMinor).integer(o.capturedMinor).integer(o.refundedMinor);
    w.text(o.cardLast4).text(o.customerEmail);
    w.integer(o.expiresMs).integer(o.createdMs).integer(o.updatedMs).integer(o.version);
    w.integer(o.lines.size());
    for (const orders::OrderLine& l : o.lines) {
        w.id(l.variantId).text(l.sku).text(l.title);
        w.integer(l.quantity).integer(l.unitPriceMinor).integer(l.lineTotalMinor);
    }
    return w.take();
}

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
        l.variantId = r.id();
        l.sku = r.text();
        l.title = r.text();
        l.quantity = r.integer();
        l.unitPriceMinor = r.integer();
        l.lineTotalMinor = r.integer();
        o.lines.append(std::move(l));
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
    if (!r.good())
        return unreadable("payment");
    return p;
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

} // namespace souk::payments
