#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <atomic>
#include <deque>
#include <mutex>
#include <optional>

#include "backend/payments/Card.h"

namespace souk::payments {

/// What the card network answered.
struct ProviderAnswer
{
    bool approved = false;
    QString declineCode; ///< "insufficient_funds", "stolen_card", "expired_card", "processing_error", "issuer_timeout"
    bool retryable = false; ///< a new attempt may succeed (processing error, timeout)
    QString reference;      ///< the provider's id of the authorization
};

/// What the provider says of an authorization Souk sent earlier, asked by its key: after a
/// crash or a timeout Souk cannot know whether the card network ever heard of it.
struct AttemptLookup
{
    enum class State
    {
        Unreachable,   ///< the provider could not be asked now; ask again later
        NeverReceived, ///< no authorization arrived with this key: nothing is held
        Answered,      ///< `answer` is what the provider answered (and, if approved, holds)
    };
    State state = State::Unreachable;
    ProviderAnswer answer;
};

/// How one void, capture or refund ended at the provider.
struct CallResult
{
    enum class Outcome
    {
        Done,    ///< the provider confirmed (or knew the call already, by its key)
        Retry,   ///< it failed for now (network, timeout, processing error): try again later
        Refused, ///< refused for good (the hold expired, the card was closed): never try again
    };
    Outcome outcome = Outcome::Retry;
    QString code; ///< the provider's reason: "timeout", "processing_error", "authorization_expired", ...
    /// The call may have happened though no answer came (a timeout): ask lookupCall() before
    /// sending it again.
    bool outcomeUnknown = false;

    static CallResult done() { return {Outcome::Done, {}, false}; }
    static CallResult retry(const QString& code, bool unknown = false) { return {Outcome::Retry, code, unknown}; }
    static CallResult refused(const QString& code) { return {Outcome::Refused, code, false}; }
    bool isDone() const { return outcome == Outcome::Done; }
};

/// What the provider says of a void, capture or refund sent earlier, asked by its key.
enum class CallLookup
{
    Unreachable,   ///< the provider could not be asked now
    NeverReceived, ///< nothing arrived with this key: the call may be sent
    Done,          ///< it was carried out: sending it again is not needed
};

/// The acquirer/card network seen by Souk. Called off the writer thread (it waits on the
/// network). Every call carries an idempotency key unique across stores and nodes (see
/// ProviderOutbox and PaymentAttempts): the provider treats a repeated key as the call it
/// answered. Implementations are thread-safe.
class PaymentProvider
{
public:
    virtual ~PaymentProvider() = default;
    /// Asks the issuer to hold `amountMinor` on the card. Blocks for the provider's latency.
    /// The attempt, with `key`, is in the store before this is called; a repeat of `key`
    /// answers as the first call did and holds nothing more.
    virtual ProviderAnswer authorize(const CardInput& card, qint64 amountMinor, const QString& currency,
                                     const QString& key) = 0;
    /// What the authorization sent with `key` came to (see AttemptLookup).
    virtual AttemptLookup lookupAuthorization(const QString& key) = 0;
    // The calls below come from the outbox (ProviderOutbox), after the command that decided
    // them committed, and again after a crash or a failure: each is safe to repeat under its
    // key. Each answers done, retry (with the reason) or refused for good (with the reason).

    /// Releases a hold Souk will not use (voided, cancelled, expired, or a concurrent retry won).
    virtual CallResult voidAuthorization(const QString& reference, const QString& key) = 0;
    /// Settles `amountMinor` of the hold `reference`; the rest of the hold is released with it.
    virtual CallResult capture(const QString& reference, qint64 amountMinor, const QString& key) = 0;
    /// Pays `amountMinor` of what `reference` captured back to the card.
    virtual CallResult refund(const QString& reference, qint64 amountMinor, const QString& key) = 0;
    /// What became of the void, capture or refund sent with `key` (see CallLookup).
    virtual CallLookup lookupCall(const QString& key) = 0;
};

/// A provider that behaves like a real test environment: the card number decides the answer
/// (see outcomeOf), each call takes a small latency, references are unique. Thread-safe.
class SimulatedProvider final : public PaymentProvider
{
public:
    /// Test numbers, all Luhn-valid. Any other valid number is approved.
    static constexpr const char* Approved = "4242424242424242";
    static constexpr const char* InsufficientFunds = "4000000000009995";
    static constexpr const char* StolenCard = "4000000000009979";
    static constexpr const char* ExpiredCard = "4000000000000069";
    static constexpr const char* ProcessingError = "4000000000000119";
    static constexpr const char* IssuerTimeout = "4000000000000127";

    /// `latencyUs`: the time each authorization takes (0 in benchmarks of the engine alone).
    explicit SimulatedProvider(int latencyUs = 3000) : m_latencyUs(latencyUs) {}
    ProviderAnswer authorize(const CardInput& card, qint64 amountMinor, const QString& currency,
                             const QString& key) override;
    AttemptLookup lookupAuthorization(const QString& key) override;
    CallResult voidAuthorization(const QString& reference, const QString& key) override;
    CallResult capture(const QString& reference, qint64 amountMinor, const QString& key) override;
    CallResult refund(const QString& reference, qint64 amountMinor, const QString& key) override;
    CallLookup lookupCall(const QString& key) override;
    /// What reached the provider through the calls above (tests check that nothing is left
    /// behind or sent twice).
    qint64 voidedHolds() const { return m_voided.load(); }
    qint64 captures() const { return m_captures.load(); }
    qint64 authorizations() const { return m_authorizationCalls.load(); } ///< calls received, replays included
    qint64 capturedMinor() const { return m_capturedMinor.load(); }
    qint64 refunds() const { return m_refunds.load(); }
    qint64 refundedMinor() const { return m_refundedMinor.load(); }
    /// The next `count` voids, captures or refunds fail for now ("processing_error"), as when
    /// the provider cannot be reached.
    void failNextCalls(int count) { m_callFailures.store(count); }
    /// The next `count` are refused for good with `code` (as for a hold that expired).
    void refuseNextCalls(int count, const QString& code);
    /// The next `count` are carried out, but their answer is lost ("timeout").
    void timeOutNextCalls(int count) { m_timeouts.store(count); }
    /// Calls asked about with lookupCall() so far.
    qint64 lookups() const { return m_lookups.load(); }
    /// Approved authorizations so far.
    qint64 holdsPlaced() const { return m_approved.load(); }
    /// Captures and refunds it had answered already, confirmed again without moving money.
    qint64 repeatedCalls() const { return m_repeated.load(); }
    /// How many keys it remembers, as a real provider keeps its keys for a day.
    static constexpr qsizetype RequestIdsKept = 100'000;
    static ProviderAnswer outcomeOf(const QString& digits);

private:
    int m_latencyUs;
    std::atomic<qint64> m_next{1};
    std::atomic<qint64> m_voided{0};
    std::atomic<qint64> m_captures{0};
    std::atomic<qint64> m_authorizationCalls{0};
    std::atomic<qint64> m_capturedMinor{0};
    std::atomic<qint64> m_refunds{0};
    std::atomic<qint64> m_refundedMinor{0};
    std::atomic<qint64> m_approved{0};
    std::atomic<int> m_callFailures{0};
    std::atomic<int> m_timeouts{0};
    std::atomic<qint64> m_lookups{0};
    std::atomic<int> m_refusals{0};
    QString m_refusalCode; ///< guarded by m_requestsMutex
    std::atomic<qint64> m_repeated{0};
    std::mutex m_requestsMutex;
    QSet<QString> m_requests;           ///< the keys answered, the newest RequestIdsKept
    std::deque<QString> m_requestOrder; ///< the same, oldest first, to forget them in turn
    QHash<QString, ProviderAnswer> m_authorizations; ///< by key, the newest RequestIdsKept
    std::deque<QString> m_authorizationOrder;

    /// True when this call is one of those failNextCalls() asked to fail.
    bool failing();
    /// The answer a call gets before it is carried out: retry, refused, or nothing (go on).
    std::optional<CallResult> prefail();
    /// The answer once carried out: done, or a lost answer (timeOutNextCalls).
    CallResult carriedOut();
    /// True when `key` was answered before; remembers it otherwise.
    bool answeredBefore(const QString& key);
};

} // namespace souk::payments
