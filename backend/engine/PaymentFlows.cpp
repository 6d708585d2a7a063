#include "backend/engine/PaymentFlows.h"

#include <QDate>
#include <QLoggingCategory>
#include <QPromise>

#include "backend/orders/OrderService.h"
#include "backend/payments/CommandJson.h"
#include "backend/payments/Idempotency.h"
#include "backend/payments/Ledger.h"
#include "backend/payments/PaymentService.h"
#include "backend/risk/decisions/Assessments.h"

using namespace Qt::StringLiterals;
using souk::payments::Payment;

Q_LOGGING_CATEGORY(lcFlows, "souk.engine.payments")

namespace souk::engine {
namespace {

constexpr int OutboxBatch = 100;     ///< calls sent to the provider per outbox pass
/// On a shared database, how long the calls a pass takes are this node's; the pass sends no call
/// after it, so another node sending them after it ends never meets this one still sending.
constexpr qint64 OutboxClaimMs = 5 * 60'000;
constexpr qint64 OutboxClaimMarginMs = 60'000; ///< one provider call's worst case, and some
constexpr int AttemptsPerPass = 100; ///< open authorization attempts asked about per pass
/// An attempt open this long is no longer in flight: maintenance asks the provider about it.
constexpr qint64 AttemptGraceMs = 10 * 60'000;
const Actor SystemActor{u"system"_s, u"system"_s};

/// The first write of an authorization: the stored result when the key has one, else the attempt
/// (and, when the risk engine blocked it, its record: the provider is never called).
struct OpenedAttempt
{
    std::optional<QByteArray> stored;
    payments::PaymentAttempt attempt;
    std::optional<payments::PaymentAttempts::Recorded> blocked;
};

/// The step after an attempt's write, for an authorization and a checkout alike: the stored
/// result when the key had one (a retry), the block's record, else `askProvider` with the
/// attempt just written.
template <typename T>
void continueOpened(const Result<OpenedAttempt>& opened, const std::function<void(const Result<T>&)>& settle,
                    const std::function<void(const payments::PaymentAttempts::Recorded&)>& finish,
                    const std::function<void(const payments::PaymentAttempt&)>& askProvider)
{
    if (!opened)
        return settle(opened.error());
    if (opened->stored)
        return settle(payments::StoredResult<T>::decode(*opened->stored));
    if (opened->blocked)
        return finish(*opened->blocked);
    askProvider(opened->attempt);
}

/// The risk engine's view of the payment an attempt is about to make.
risk::RiskInput riskInput(const orders::Order& order, const payments::PaymentAttempt& attempt,
                          const payments::PaymentContext& context, qint64 nowMs)
{
    risk::RiskInput in;
    in.merchantId = order.merchantId;
    in.customerKey = order.customerId.value != 0 ? u"customer:"_s + order.customerId.toString()
                     : !context.email.isEmpty()  ? u"email:"_s + context.email.toLower()
                                                 : QString();
    in.atMs = nowMs;
    in.amountMinor = attempt.amountMinor;
    in.currency = attempt.currency;
    in.cardFingerprint = attempt.card.fingerprint;
    in.cardBrand = attempt.card.brand;
    in.cardBin = attempt.card.bin;
    in.cardCountry = attempt.card.country;
    in.context = context;
    if (in.context.email.isEmpty())
        in.context.email = order.customerEmail;
    return in;
}

/// Judges the attempt just opened, in its transaction: a block is recorded as a decline now (the
/// provider never hears of it); a review keeps a checkout's approval from being captured.
Result<OpenedAttempt> judge(store::UnitOfWork& uow, risk::PolicyCache& policy, const orders::Order& order,
                            payments::PaymentAttempt attempt, const payments::PaymentContext& context)
{
    auto assessed = risk::Assessments::assess(uow, attempt.id, order.id,
                                              riskInput(order, attempt, context, uow.nowMs()), policy);
    if (!assessed)
        return assessed.error();
    if (assessed->action == risk::RiskAction::Review) {
        if (auto s = payments::PaymentAttempts::holdForReview(uow, attempt); !s)
            return s.error();
    }
    if (assessed->action != risk::RiskAction::Block)
        return OpenedAttempt{{}, attempt, {}};
    payments::ProviderAnswer declined;
    declined.declineCode = u"risk_blocked"_s;
    auto recorded = payments::PaymentAttempts::record(uow, attempt, declined);
    if (!recorded)
        return recorded.error();
    if (auto s = risk::Assessments::settled(uow, attempt.id, true); !s)
        return s.error();
    return OpenedAttempt{{}, attempt, *recorded};
}

template <typename T> QFuture<Result<T>> readyError(const Error& error)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(Result<T>(error));
    promise.finish();
    return promise.future();
}

} // namespace

template <typename T>
QFuture<Result<T>> PaymentFlows::failedUpFront(const auth::Access& access, const Error& error)
{
    m_engine.recordFailure(access, error); // audited as a command that failed
    return readyError<T>(error);
}

PaymentFlows::PaymentFlows(Engine& engine, Options options, QByteArray cardSecret)
    : m_engine(engine), m_options(std::move(options)), m_cardSecret(std::move(cardSecret))
{
    // many authorizations wait on the provider's latency at once; none of them holds the writer
    m_pool.setMaxThreadCount(32);
    // the store passed its quick check when it opened: the next is due an interval from now
    m_lastHealthCheckMs.store(m_engine.clock().nowMs());
}

PaymentFlows::~PaymentFlows()
{
    // a large outbox must not keep the program from closing: what is left is sent at the next
    // start
    m_closing.store(true);
    // an authorization between its read and its write runs on no thread yet still needs the
    // engine and this pool: let every one finish while both are alive
    m_work.waitIdle(); // no spinning: the last piece of work wakes us
    m_pool.waitForDone();
}

void PaymentFlows::resume()
{
    if (!m_options.readOnly) {
        // a ledger from before its hash chain is sealed now, in a command of its own, not
        // inside the first money command (it reads and rewrites every entry once)
        m_work.begin();
        m_engine.write<QByteArray>(
            SystemActor, [](store::UnitOfWork& uow) { return payments::Ledger::seal(uow); },
            [this](const Result<QByteArray>& sealed) {
                if (!sealed)
                    qCWarning(lcFlows) << "the ledger could not be sealed:" << sealed.error().toString();
                m_work.end();
            });
    }
    reconcileAttempts(0); // authorizations a crash left between the provider and the record
    sendProviderCalls();  // what a crash left between a commit and the provider's answer
}

QFuture<Result<Payment>> PaymentFlows::authorize(const auth::Access& access, Id orderId,
                                                  const payments::CardInput& card, const QString& key)
{
    if (auto refused = m_engine.admit(access))
        return readyError<Payment>(*refused);
    // No thread waits in here: the attempt's write, then the provider on our pool, then the
    // writer's record, each step continuing the last. Hundreds of authorizations can be in
    // flight on a few threads.
    if (auto s = payments::Idempotency::validateKey(key); !s)
        return failedUpFront<Payment>(access, s.error());
    const QDate today = m_engine.clock().now().date();
    if (auto s = payments::Card::validate(card, today.year(), today.month()); !s)
        return failedUpFront<Payment>(access, s.error());
    if (auto s = card.context.validate(); !s)
        return failedUpFront<Payment>(access, s.error());
    const payments::CardSummary summary = payments::Card::summarize(card, m_cardSecret);
    const QJsonObject params{{u"orderId"_s, orderId.toString()},
                             {u"card"_s, summary.fingerprint},
                             {u"expMonth"_s, card.expMonth},
                             {u"expYear"_s, card.expYear}};
    const auto request = payments::IdempotentRequest::of(key, u"authorize"_s, params);
    // The answer is a promise of our own, finished by the step that ends the chain; each step
    // starts the next from the engine's completion callbacks (see Engine::write on why not
    // QFuture::then). A retry of a recorded authorization never reaches the card network: the
    // first write finds the stored result under the key before any attempt is made.
    auto answer = std::make_shared<QPromise<Result<Payment>>>();
    answer->start();
    QFuture<Result<Payment>> out = answer->future();
    const auto settle = [this, answer](const Result<Payment>& result) {
        answer->addResult(result);
        answer->finish();
        m_work.end(); // last: ~PaymentFlows may go on once it reaches 0
    };
    m_work.begin();
    writeAttemptThenAuthorize(access, orderId, card, request, summary, settle);
    return out;
}

void PaymentFlows::writeAttemptThenAuthorize(const auth::Access& access, Id orderId, const payments::CardInput& card,
                                            const payments::IdempotentRequest& request,
                                            const payments::CardSummary& summary,
                                            std::function<void(const Result<Payment>&)> settle)
{
    // the attempt, with the key the provider will see, is durable before the provider hears of
    // it: after a crash the store still knows whom to ask about a hold it may not have recorded
    const Actor actor = access.principal.actor();
    m_engine.write<OpenedAttempt>(
        access,
        [orderId, unscoped = request, summary, context = card.context,
         policy = m_riskPolicy](store::UnitOfWork& uow) -> Result<OpenedAttempt> {
            // the key names a request of this merchant and user only (the order's merchant)
            auto request = payments::Idempotency::scopedToOrder(uow, unscoped, orderId);
            if (!request)
                return request.error();
            auto stored = payments::Idempotency::lookup(uow, *request);
            if (!stored)
                return stored.error();
            if (*stored)
                return OpenedAttempt{*stored, {}};
            auto order = payments::PaymentService::checkAuthorizable(uow, orderId);
            if (!order)
                return order.error();
            auto attempt = payments::PaymentAttempts::open(uow, *request, *order, summary);
            if (!attempt)
                return attempt.error();
            return judge(uow, *policy, *order, *attempt, context);
        },
        [this, actor, card, settle](const Result<OpenedAttempt>& opened) {
            const auto finish = [settle](const payments::PaymentAttempts::Recorded& r) {
                settle(r.payment ? Result<Payment>(*r.payment) : Result<Payment>(*r.error));
            };
            continueOpened<Payment>(opened, settle, finish, [&](const payments::PaymentAttempt& attempt) {
                // the provider's answer takes its time: on our pool, not the completion thread
                m_pool.start([this, actor, card, finish, attempt] { authorizeAtProvider(actor, card, attempt, finish); });
            });
        });
}

void PaymentFlows::authorizeAtProvider(const Actor& actor, const payments::CardInput& card, const payments::PaymentAttempt& attempt,
                                      std::function<void(const payments::PaymentAttempts::Recorded&)> finish)
{
    const payments::ProviderAnswer answer =
        m_options.provider->authorize(card, attempt.amountMinor, attempt.currency, attempt.providerKey);
    reportCall(ProviderCallKind::Authorize, !answer.retryable); // a retryable decline is no final answer
    std::shared_ptr<payments::PaymentProvider> provider = m_options.provider;
    m_engine.write<payments::PaymentAttempts::Recorded>(
        actor,
        [attempt, answer](store::UnitOfWork& uow) -> Result<payments::PaymentAttempts::Recorded> {
            auto recorded = payments::PaymentAttempts::record(uow, attempt, answer);
            if (!recorded)
                return recorded;
            // the risk engine learns the outcome, and a review holds the payment, in this transaction
            if (auto s = risk::Assessments::settled(uow, attempt.id); !s)
                return s.error();
            return recorded;
        },
        [this, provider, answer, captured = attempt.captureAfter,
         finish](const Result<payments::PaymentAttempts::Recorded>& recorded) {
            // an answer the order could no longer take (it moved on) was not recorded either
            const bool kept = recorded && !recorded->error;
            reportAuthorization(!kept || answer.retryable ? AuthorizationOutcome::Failed
                                : answer.approved         ? AuthorizationOutcome::Approved
                                                          : AuthorizationOutcome::Declined);
            if (recorded) {
                // a hold that is not the one recorded (the order moved on meanwhile, or a
                // concurrent retry won) joined the outbox with the record, as did a capture
                if (recorded->releaseQueued || (captured && recorded->payment))
                    sendProviderCalls();
                return finish(*recorded);
            }
            payments::PaymentAttempts::Recorded failed;
            failed.error = recorded.error();
            // the database went away mid-commit: the record may have landed with this hold in
            // it, so the hold stays; the attempt, if still open, is asked about again later
            if (!answer.approved || (failed.error && failed.error->code == ErrorCode::Unavailable))
                return finish(failed);
            // the store refused even that: release the hold now, from memory; the attempt
            // stays open, and the next start asks the provider about it again
            m_pool.start([this, provider, answer, failed, finish] {
                const bool released = provider->voidAuthorization(answer.reference, {}).isDone();
                reportCall(ProviderCallKind::Release, released);
                if (!released)
                    qCWarning(lcFlows) << "a hold Souk does not use could not be released:" << answer.reference;
                finish(failed);
            });
        });
}

QFuture<Result<payments::Checkout>> PaymentFlows::checkout(const auth::Access& access, const orders::NewOrder& order,
                                                          const payments::CardInput& card, bool capture,
                                                          const QString& key)
{
    if (auto refused = m_engine.admit(access))
        return readyError<payments::Checkout>(*refused);
    if (auto s = payments::Idempotency::validateKey(key); !s)
        return failedUpFront<payments::Checkout>(access, s.error());
    const QDate today = m_engine.clock().now().date();
    if (auto s = payments::Card::validate(card, today.year(), today.month()); !s)
        return failedUpFront<payments::Checkout>(access, s.error());
    if (auto s = card.context.validate(); !s)
        return failedUpFront<payments::Checkout>(access, s.error());
    const payments::CardSummary summary = payments::Card::summarize(card, m_cardSecret);
    QJsonObject params = payments::CommandJson::newOrder(order);
    params.insert(u"card"_s, summary.fingerprint);
    params.insert(u"expMonth"_s, card.expMonth);
    params.insert(u"expYear"_s, card.expYear);
    params.insert(u"capture"_s, capture);
    const auto request = payments::IdempotentRequest::of(key, payments::PaymentAttempt::CheckoutCommand, params);
    auto answer = std::make_shared<QPromise<Result<payments::Checkout>>>();
    answer->start();
    QFuture<Result<payments::Checkout>> out = answer->future();
    const auto settle = [this, answer](const Result<payments::Checkout>& result) {
        answer->addResult(result);
        answer->finish();
        m_work.end(); // last: ~PaymentFlows may go on once it reaches 0
    };
    m_work.begin();
    // one write makes the order and the attempt (one key for both, so a retry never makes a
    // second order), the provider answers, one write records the payment and captures it
    const Actor actor = access.principal.actor();
    m_engine.write<OpenedAttempt>(
        access,
        [order, unscoped = request, summary, capture, context = card.context,
         policy = m_riskPolicy](store::UnitOfWork& uow) -> Result<OpenedAttempt> {
            const payments::IdempotentRequest request = unscoped.within(order.merchantId, uow.actor());
            auto stored = payments::Idempotency::lookup(uow, request);
            if (!stored)
                return stored.error();
            if (*stored)
                return OpenedAttempt{*stored, {}};
            auto earlier = payments::PaymentAttempts::checkoutOrder(uow, request);
            if (!earlier)
                return earlier.error();
            auto made = *earlier ? payments::PaymentService::checkAuthorizable(uow, **earlier)
                                 : orders::OrderService::create(uow, order);
            if (!made)
                return made.error();
            auto attempt = payments::PaymentAttempts::open(uow, request, *made, summary, capture);
            if (!attempt)
                return attempt.error();
            return judge(uow, *policy, *made, *attempt, context);
        },
        [this, actor, card, settle](const Result<OpenedAttempt>& opened) {
            const auto finish = [settle](const payments::PaymentAttempts::Recorded& r) {
                if (!r.payment || !r.order)
                    return settle(r.error ? *r.error : Error::internal(u"checkout recorded no order"_s));
                settle(payments::Checkout{*r.order, *r.payment});
            };
            continueOpened<payments::Checkout>(opened, settle, finish, [&](const payments::PaymentAttempt& attempt) {
                m_pool.start([this, actor, card, finish, attempt] { authorizeAtProvider(actor, card, attempt, finish); });
            });
        });
    return out;
}

void PaymentFlows::reconcileAttempts(qint64 olderThanMs)
{
    if (m_options.readOnly || m_closing.load())
        return;
    const qint64 beforeMs = m_engine.clock().nowMs() - olderThanMs + (olderThanMs == 0 ? 1 : 0);
    m_work.begin();
    m_engine.read<QList<payments::PaymentAttempt>>(
        [beforeMs](QSqlDatabase& db) {
            return payments::PaymentAttempts::openBefore(db, beforeMs, AttemptsPerPass);
        },
        engine::ReadMode::Snapshot,
        [this](const Result<QList<payments::PaymentAttempt>>& open) {
            if (!open || open->isEmpty()) {
                if (!open)
                    qCWarning(lcFlows) << "open authorization attempts could not be read:" << open.error().toString();
                m_work.end();
                return;
            }
            m_pool.start([this, open = *open] {
                QList<std::pair<payments::PaymentAttempt, payments::AttemptLookup>> answers;
                for (const payments::PaymentAttempt& a : open) {
                    if (m_closing.load())
                        break;
                    answers.append({a, m_options.provider->lookupAuthorization(a.providerKey)});
                }
                m_engine.write<int>(
                    SystemActor,
                    [answers](store::UnitOfWork& uow) -> Result<int> {
                        int released = 0;
                        for (const auto& [attempt, lookup] : answers) {
                            auto r = payments::PaymentAttempts::reconcile(uow, attempt, lookup);
                            if (!r)
                                return r.error();
                            if (auto s = risk::Assessments::settled(uow, attempt.id); !s)
                                return s.error();
                            released += *r;
                        }
                        return released;
                    },
                    [this, count = answers.size()](const Result<int>& released) {
                        if (!released)
                            qCWarning(lcFlows) << "authorization attempts not settled:" << released.error().toString();
                        else if (count > 0)
                            qCInfo(lcFlows) << count << "authorization attempts settled with the provider;"
                                             << *released << "holds released";
                        if (released && count > 0)
                            sendProviderCalls(); // the releases, and a checkout's capture
                        m_work.end();
                    });
            });
        });
}

void PaymentFlows::sendProviderCalls()
{
    if (m_options.readOnly || m_closing.load())
        return;
    if (m_outboxRequests.fetch_add(1) > 0)
        return; // the pass under way runs again for this call
    m_work.begin();
    runOutboxPass();
}

namespace {

/// One outbox call at the provider. A call whose last answer was lost (a timeout) may have
/// happened: the provider is asked first, and the call is sent again only if it never arrived.
payments::CallResult send(payments::PaymentProvider& provider, const payments::OutboxItem& item)
{
    if (item.outcomeUnknown) {
        switch (provider.lookupCall(item.key)) {
        case payments::CallLookup::Done:
            return payments::CallResult::done();
        case payments::CallLookup::Unreachable:
            return payments::CallResult::retry(u"unreachable"_s, true);
        case payments::CallLookup::NeverReceived:
            break;
        }
    }
    switch (item.call) {
    case payments::ProviderCall::Release:
        return provider.voidAuthorization(item.providerRef, item.key);
    case payments::ProviderCall::Capture:
        return provider.capture(item.providerRef, item.amountMinor, item.key);
    case payments::ProviderCall::Refund:
        return provider.refund(item.providerRef, item.amountMinor, item.key);
    }
    return payments::CallResult::retry(u"unknown_call"_s);
}

PaymentFlows::ProviderCallKind kindOf(payments::ProviderCall call)
{
    switch (call) {
    case payments::ProviderCall::Release:
        return PaymentFlows::ProviderCallKind::Release;
    case payments::ProviderCall::Capture:
        return PaymentFlows::ProviderCallKind::Capture;
    case payments::ProviderCall::Refund:
        return PaymentFlows::ProviderCallKind::Refund;
    }
    return PaymentFlows::ProviderCallKind::Release; // not reached: every call is named above
}

} // namespace

void PaymentFlows::runOutboxPass()
{
    const int seen = m_outboxRequests.load();
    const qint64 nowMs = m_engine.clock().now().toMSecsSinceEpoch();
    auto send = [this, seen](const Result<QList<payments::OutboxItem>>& due) { sendOutbox(seen, due); };
    if (m_engine.storeOptions().isPostgres()) {
        // other nodes drain the same outbox: this pass's calls are taken in a write
        m_engine.write<QList<payments::OutboxItem>>(
            SystemActor,
            [](store::UnitOfWork& uow) {
                return payments::ProviderOutbox::claim(uow, uow.nowMs() + OutboxClaimMs, OutboxBatch);
            },
            send);
        return;
    }
    m_engine.read<QList<payments::OutboxItem>>(
        [nowMs](QSqlDatabase& db) { return payments::ProviderOutbox::pending(db, nowMs, OutboxBatch); },
        engine::ReadMode::Snapshot, send);
}

void PaymentFlows::sendOutbox(int seen, const Result<QList<payments::OutboxItem>>& pending)
{
    if (!pending || pending->isEmpty())
        return endOutboxPass(seen, false);
    // the provider's answers take their time: on our pool
    const qint64 sendUntilMs = m_engine.clock().nowMs() + OutboxClaimMs - OutboxClaimMarginMs;
    m_pool.start([this, seen, sendUntilMs, pending = *pending] {
        QList<payments::SentCall> sent;
        int confirmed = 0;
        for (const payments::OutboxItem& item : pending) {
            // the rest stays in the store for the next start, or (past the claim) for any node
            if (m_closing.load() || m_engine.clock().nowMs() >= sendUntilMs)
                break;
            sent.append({item, send(*m_options.provider, item)});
            const bool done = sent.last().result.isDone();
            reportCall(kindOf(item.call), done);
            confirmed += done;
        }
        if (confirmed < sent.size())
            qCWarning(lcFlows) << sent.size() - confirmed
                               << "provider calls failed; they are tried again "
                                  "or set aside";
        // what it confirmed may have made due a payment's next call (a refund behind
        // its capture), or the batch was full: read again until a pass confirms nothing
        const bool more = confirmed > 0;
        m_engine.write<int>(
            SystemActor,
            [sent, policy = m_options.providerRetry](store::UnitOfWork& uow) {
                return payments::ProviderOutbox::settle(uow, sent, policy);
            },
            [this, seen, more](const Result<int>& settled) {
                if (!settled)
                    qCWarning(lcFlows) << "the provider's answers were not recorded; the calls are sent again:"
                                       << settled.error().toString();
                else if (*settled > 0)
                    qCWarning(lcFlows) << *settled << "provider calls need attention (soukctl outbox list)";
                endOutboxPass(seen, more && settled);
            });
    });
}

void PaymentFlows::endOutboxPass(int seen, bool more)
{
    // a pass that confirmed calls keeps one request back, so the next pass goes on. A failed call is due
    // again after a growing delay (ProviderOutbox::RetryBaseMs); the first pass after that, at
    // the latest a maintenance pass, sends it. Due ones are read fewest attempts first, so they
    // cannot hold newer ones back.
    const int served = more ? seen - 1 : seen;
    if (m_outboxRequests.fetch_sub(served) - served > 0 && !m_closing.load())
        return runOutboxPass();
    m_work.end(); // last: ~PaymentFlows may go on once it reaches 0
}

QFuture<Result<payments::MaintenanceResult>> PaymentFlows::runMaintenance()
{
    return runMaintenance(std::nullopt);
}

QFuture<Result<payments::MaintenanceResult>> PaymentFlows::runMaintenance(const auth::Access& access)
{
    return runMaintenance(std::optional<auth::Access>(access));
}

QFuture<Result<payments::MaintenanceResult>> PaymentFlows::runMaintenance(const std::optional<auth::Access>& access)
{
    if (m_options.readOnly)
        return readyError<payments::MaintenanceResult>(
            Error::store(ErrorCode::StoreReadOnly, u"the store is open read-only"_s));
    reconcileAttempts(AttemptGraceMs); // authorizations a crash or a lost answer left open
    checkHealthWhenDue();
    const qint64 retentionMs = m_options.idempotencyRetentionMs;
    const qint64 feedRetentionMs = m_options.feedRetentionMs;
    // expired holds join the outbox; the pass after the write also retries the calls the
    // provider refused before
    auto pass = [retentionMs, feedRetentionMs](store::UnitOfWork& uow) {
        return payments::Maintenance::runPass(uow, retentionMs, feedRetentionMs);
    };
    if (access)
        return writeThenSend<payments::MaintenanceResult>(*access, pass);
    return writeThenSend<payments::MaintenanceResult>(SystemActor, pass);
}

void PaymentFlows::setObserver(Observer observer)
{
    const bool any = observer.authorization || observer.providerCall;
    m_observer.store(any ? std::make_shared<const Observer>(std::move(observer)) : nullptr);
}

void PaymentFlows::reportCall(ProviderCallKind call, bool done) const
{
    if (const auto observer = m_observer.load(); observer && observer->providerCall)
        observer->providerCall(call, done);
}

void PaymentFlows::reportAuthorization(AuthorizationOutcome outcome) const
{
    if (const auto observer = m_observer.load(); observer && observer->authorization)
        observer->authorization(outcome);
}

void PaymentFlows::checkHealthWhenDue()
{
    const qint64 nowMs = m_engine.clock().nowMs();
    qint64 last = m_lastHealthCheckMs.load();
    if (m_options.healthCheckIntervalMs <= 0 || nowMs - last < m_options.healthCheckIntervalMs
        || !m_lastHealthCheckMs.compare_exchange_strong(last, nowMs))
        return;
    // on a reader: the engine marks the store damaged if the check fails, and says so
    m_engine.checkHealth();
}

} // namespace souk::engine
