#include "backend/payments/PaymentProvider.h"

#include <QRandomGenerator>
#include <QThread>

using namespace Qt::StringLiterals;

namespace souk::payments {

ProviderAnswer SimulatedProvider::outcomeOf(const QString& digits)
{
    const auto decline = [](const QString& code, bool retryable) { return ProviderAnswer{false, code, retryable, {}}; };
    if (digits == QLatin1String(InsufficientFunds))
        return decline(u"insufficient_funds"_s, false);
    if (digits == QLatin1String(StolenCard))
        return decline(u"stolen_card"_s, false);
    if (digits == QLatin1String(ExpiredCard))
        return decline(u"expired_card"_s, false);
    if (digits == QLatin1String(ProcessingError))
        return decline(u"processing_error"_s, true);
    if (digits == QLatin1String(IssuerTimeout))
        return decline(u"issuer_timeout"_s, true);
    return ProviderAnswer{true, {}, false, {}};
}

ProviderAnswer SimulatedProvider::authorize(const CardInput& card, qint64 amountMinor, const QString& currency,
                                            const QString& key)
{
    Q_UNUSED(amountMinor);
    Q_UNUSED(currency);
    m_authorizationCalls.fetch_add(1);
    {
        // a repeated key gets the first answer and holds nothing more
        std::lock_guard lock(m_requestsMutex);
        const auto known = m_authorizations.constFind(key);
        if (!key.isEmpty() && known != m_authorizations.cend()) {
            m_repeated.fetch_add(1);
            return *known;
        }
    }
    const QString digits = Card::digits(card.number);
    ProviderAnswer answer = outcomeOf(digits);
    // an issuer timeout is the slow answer: the provider gives up after its deadline
    const int latencyUs = answer.declineCode == u"issuer_timeout"_s ? m_latencyUs * 10 : m_latencyUs;
    if (latencyUs > 0)
        QThread::usleep(ulong(latencyUs));
    answer.reference =
        u"sim_auth_%1_%2"_s.arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0')).arg(m_next.fetch_add(1));
    std::lock_guard lock(m_requestsMutex);
    if (!key.isEmpty()) {
        const auto raced = m_authorizations.constFind(key);
        if (raced != m_authorizations.cend()) { // the same key twice at once: one answer
            m_repeated.fetch_add(1);
            return *raced;
        }
        m_authorizations.insert(key, answer);
        m_authorizationOrder.push_back(key);
        if (qsizetype(m_authorizationOrder.size()) > RequestIdsKept) {
            m_authorizations.remove(m_authorizationOrder.front());
            m_authorizationOrder.pop_front();
        }
    }
    if (answer.approved)
        m_approved.fetch_add(1);
    return answer;
}

AttemptLookup SimulatedProvider::lookupAuthorization(const QString& key)
{
    if (failing())
        return {};
    std::lock_guard lock(m_requestsMutex);
    const auto known = m_authorizations.constFind(key);
    if (known == m_authorizations.cend())
        return AttemptLookup{AttemptLookup::State::NeverReceived, {}};
    return AttemptLookup{AttemptLookup::State::Answered, *known};
}

bool SimulatedProvider::failing()
{
    int failures = m_callFailures.load();
    while (failures > 0) {
        if (m_callFailures.compare_exchange_weak(failures, failures - 1))
            return true;
    }
    return false;
}

void SimulatedProvider::refuseNextCalls(int count, const QString& code)
{
    std::lock_guard lock(m_requestsMutex);
    m_refusalCode = code;
    m_refusals.store(count);
}

std::optional<CallResult> SimulatedProvider::prefail()
{
    if (failing())
        return CallResult::retry(u"processing_error"_s);
    int refusals = m_refusals.load();
    while (refusals > 0) {
        if (m_refusals.compare_exchange_weak(refusals, refusals - 1)) {
            std::lock_guard lock(m_requestsMutex);
            return CallResult::refused(m_refusalCode);
        }
    }
    return std::nullopt;
}

CallResult SimulatedProvider::carriedOut()
{
    int timeouts = m_timeouts.load();
    while (timeouts > 0) {
        if (m_timeouts.compare_exchange_weak(timeouts, timeouts - 1))
            return CallResult::retry(u"timeout"_s, true); // done, but the answer never came back
    }
    return CallResult::done();
}

CallResult SimulatedProvider::voidAuthorization(const QString& reference, const QString& key)
{
    Q_UNUSED(reference);
    if (auto early = prefail())
        return *early;
    if (!answeredBefore(key))
        m_voided.fetch_add(1);
    return carriedOut();
}

bool SimulatedProvider::answeredBefore(const QString& key)
{
    if (key.isEmpty())
        return false; // a call without a key cannot be recognised again
    std::lock_guard lock(m_requestsMutex);
    if (m_requests.contains(key)) {
        m_repeated.fetch_add(1);
        return true;
    }
    m_requests.insert(key);
    m_requestOrder.push_back(key);
    if (qsizetype(m_requestOrder.size()) > RequestIdsKept) {
        m_requests.remove(m_requestOrder.front());
        m_requestOrder.pop_front();
    }
    return false;
}

CallResult SimulatedProvider::capture(const QString& reference, qint64 amountMinor, const QString& key)
{
    Q_UNUSED(reference);
    if (auto early = prefail())
        return *early;
    if (!answeredBefore(key)) { // a repeat: the money moved the first time
        m_captures.fetch_add(1);
        m_capturedMinor.fetch_add(amountMinor);
    }
    return carriedOut();
}

CallResult SimulatedProvider::refund(const QString& reference, qint64 amountMinor, const QString& key)
{
    Q_UNUSED(reference);
    if (auto early = prefail())
        return *early;
    if (!answeredBefore(key)) {
        m_refunds.fetch_add(1);
        m_refundedMinor.fetch_add(amountMinor);
    }
    return carriedOut();
}

CallLookup SimulatedProvider::lookupCall(const QString& key)
{
    m_lookups.fetch_add(1);
    std::lock_guard lock(m_requestsMutex);
    return m_requests.contains(key) ? CallLookup::Done : CallLookup::NeverReceived;
}

} // namespace souk::payments
