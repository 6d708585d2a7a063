// A child process for TestCrashRecovery: runs the engine under order traffic on a store file
// and prints "ACK <order id>" after each order the engine acknowledged (create, authorize,
// capture done), and "CANCELLED <order id>" after each one it cancelled after authorizing it,
// flushing each line, until it is killed. Its provider never answers a void or a capture, so
// the holds those cancellations released and the captures it made are still in the store's
// outbox, unsent, when the kill comes.
#include <QCoreApplication>
#include <QTextStream>
#include <QThread>

#include <cstdio>

#include "backend/client/LocalClient.h"
#include "backend/payments/PaymentProvider.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk;

namespace {

/// Authorizes at once; a void, capture or refund never returns, as if the process died waiting
/// for the answer.
class UnansweredCalls final : public payments::PaymentProvider
{
public:
    payments::ProviderAnswer authorize(const payments::CardInput& card, qint64 amountMinor, const QString& currency,
                                       const QString& key) override
    {
        return m_cards.authorize(card, amountMinor, currency, key);
    }
    payments::AttemptLookup lookupAuthorization(const QString& key) override
    {
        return m_cards.lookupAuthorization(key);
    }
    payments::CallResult voidAuthorization(const QString&, const QString&) override { return never(); }
    payments::CallResult capture(const QString&, qint64, const QString&) override { return never(); }
    payments::CallResult refund(const QString&, qint64, const QString&) override { return never(); }
    payments::CallLookup lookupCall(const QString&) override { return payments::CallLookup::Unreachable; }

private:
    [[noreturn]] static payments::CallResult never()
    {
        for (;;)
            QThread::sleep(3600);
    }

    payments::SimulatedProvider m_cards{0};
};

template <typename T> bool ok(const Result<T>& r)
{
    if (!r)
        std::fprintf(stderr, "crash child: %s\n", qPrintable(r.error().toString()));
    return r.ok();
}

/// A product with plenty of stock and a customer, once per store.
bool seed(LocalClient& client, Id merchantId, Id& customerId)
{
    auto page = client.productPage(catalog::ProductPageQuery{merchantId, {}, 1});
    page.waitForFinished();
    if (!ok(page.result()))
        return false;
    if (page.result()->rows.isEmpty()) {
        catalog::Product p;
        p.merchantId = merchantId;
        p.title = u"Crash-test widget"_s;
        p.status = catalog::ProductStatus::Active;
        catalog::Variant v;
        v.sku = u"CRASH-1"_s;
        v.price = Money(1999, *Currency::find(u"EUR"));
        p.variants = {v};
        auto saved = client.saveProduct(p);
        saved.waitForFinished();
        if (!ok(saved.result()))
            return false;
        auto locations = client.locations(merchantId);
        locations.waitForFinished();
        auto stock = client.adjustStock(
            catalog::StockAdjustment{saved.result()->variants[0].id, locations.result()->first().id,
                                     catalog::MovementKind::Received, 1'000'000, u"crash test"_s, -1}, souk::test::newKey());
        stock.waitForFinished();
        if (!ok(stock.result()))
            return false;
    }
    const QString email = u"crash-%1@example.com"_s.arg(QCoreApplication::applicationPid());
    auto customer = client.createCustomer(orders::Customer{{}, u"Crash"_s, email, {}, {}, 0}, souk::test::newKey());
    customer.waitForFinished();
    if (!ok(customer.result()))
        return false;
    customerId = customer.result()->id;
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    LocalClient::Options options;
    options.store.path = QString::fromLocal8Bit(argv[1]);
    options.actor = Actor{u"crash"_s, u"system"_s};
    options.provider = std::make_shared<UnansweredCalls>();
    options.maintenanceIntervalMs = 0;
    auto client = LocalClient::open(options);
    if (!ok(client))
        return 3;
    auto merchants = (*client)->merchants();
    merchants.waitForFinished();
    const Id merchantId = merchants.result()->first().id;
    Id customerId;
    if (!seed(**client, merchantId, customerId))
        return 3;
    std::fprintf(stdout, "READY\n");
    std::fflush(stdout);
    const QString run = QString::number(QCoreApplication::applicationPid());
    for (qint64 n = 0;; ++n) {
        // several orders in flight at once, so kills land inside group commits too
        QList<QFuture<Result<orders::Order>>> placed;
        for (int i = 0; i < 8; ++i) {
            placed.append((*client)->createOrder(orders::NewOrder{merchantId, customerId, {{u"CRASH-1"_s, 1}}, {}, {}},
                                                 u"crash-%1-%2-%3"_s.arg(run).arg(n).arg(i)));
        }
        for (qsizetype i = 0; i < placed.size(); ++i) {
            auto& f = placed[i];
            f.waitForFinished();
            if (!ok(f.result()))
                return 1;
            const Id orderId = f.result()->id;
            auto auth =
                (*client)->authorizePayment(orderId, payments::CardInput{u"4242424242424242"_s, 12, 2030, u"123"_s},
                                            u"auth-"_s + orderId.toString());
            auth.waitForFinished();
            if (!ok(auth.result()))
                return 1;
            if (i % 4 == 3) { // the customer changed their mind: the hold goes back
                auto cancelled = (*client)->cancelOrder(orderId, u"crash test"_s, u"cancel-"_s + orderId.toString());
                cancelled.waitForFinished();
                if (!ok(cancelled.result()))
                    return 1;
                std::fprintf(stdout, "CANCELLED %lld\n", static_cast<long long>(orderId.value));
                std::fflush(stdout);
                continue;
            }
            auto cap = (*client)->capturePayment(auth.result()->id, std::nullopt, u"cap-"_s + orderId.toString());
            cap.waitForFinished();
            if (!ok(cap.result()))
                return 1;
            std::fprintf(stdout, "ACK %lld\n", static_cast<long long>(orderId.value));
            std::fflush(stdout);
        }
    }
}
