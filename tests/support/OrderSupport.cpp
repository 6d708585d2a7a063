#include "tests/support/OrderSupport.h"

#include <QTest>

#include "backend/payments/PaymentProvider.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;

namespace souk::test {
namespace {

template <typename T>
T checked(Result<T> result, const char* what)
{
    if (!result) {
        QTest::qFail(qPrintable(QString::fromLatin1(what) + u": "_s + result.error().toString()), __FILE__, __LINE__);
        return T{};
    }
    return std::move(result).value();
}

} // namespace

OrderSupport::OrderSupport(StoreFixture& fixture, const QString& email) : m_f(fixture)
{
    orders::Customer c;
    c.name = u"Ana Lima"_s;
    c.email = email;
    m_customer = checked(StoreFixture::wait(m_f.client().createCustomer(c, souk::test::newKey())), "customer").id;
}

QString OrderSupport::nextKey()
{
    return u"support-%1-%2"_s.arg(m_customer.value).arg(++m_keys);
}

orders::Order OrderSupport::place(const QString& sku, qint64 quantity)
{
    return checked(StoreFixture::wait(m_f.client().createOrder(
                       orders::NewOrder{m_f.merchantId(), m_customer, {{sku, quantity}}, {}, {}}, nextKey())),
                   "place order");
}

payments::Payment OrderSupport::authorize(Id orderId)
{
    const payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, 2030, u"123"_s};
    return checked(StoreFixture::wait(m_f.client().authorizePayment(orderId, card, nextKey())), "authorize");
}

payments::Payment OrderSupport::capture(Id paymentId)
{
    return checked(StoreFixture::wait(m_f.client().capturePayment(paymentId, std::nullopt, nextKey())), "capture");
}

payments::Payment OrderSupport::paidOrder(const QString& sku, qint64 quantity)
{
    const orders::Order o = place(sku, quantity);
    return capture(authorize(o.id).id);
}

} // namespace souk::test
