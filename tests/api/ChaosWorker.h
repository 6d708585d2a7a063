#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

#include "backend/client/Client.h"

namespace souk::test {

/// What a command's answer names: the entity it made or changed (a payout: its ids, joined),
/// and for an authorization whether the payment can be captured now.
struct ChaosOutcome
{
    QString id;
    qint64 value = 0;
    bool capturable = false;
};

/// One command a client sent under one idempotency key, with every retry of it, as a history
/// records it (Jepsen's "invoke" and its completion).
struct ChaosOp
{
    enum class State
    {
        Running,
        Acked,  ///< answered with success: it must exist, once
        Failed, ///< answered with an error that is not "try again"
        GaveUp, ///< still "try again" when its deadline passed
    };
    using Send = std::function<QFuture<Result<ChaosOutcome>>(Client& client, const QString& key)>;

    QString kind; ///< place, authorize, capture, refund, payout
    QString key;
    int worker = 0;
    Send send; ///< sends it again (a retry, or the check's replay)
    State state = State::Running;
    QString id;  ///< what the acknowledgement named
    Error error; ///< the last error
    int attempts = 0;
    qint64 startMs = 0;
    qint64 doneMs = 0;
};

/// Where a worker shops: a merchant, its customer, a SKU with stock, a card that is approved.
struct ChaosPlan
{
    Id merchant;
    Id customer;
    QString sku;
    int refundEvery = 2; ///< every Nth flow refunds part of its payment
    int payoutEvery = 3; ///< every Nth flow pays the merchant out
};

/// A client of the cluster that runs flows one after another: place an order, authorize and
/// capture its payment, sometimes refund part of it or pay the merchant out. Each command keeps
/// its idempotency key and is sent again (on any node) while the answer is "try again":
/// unavailable, in progress, or none at all. Every command goes into the shared history. Lives on
/// the test thread.
class ChaosWorker final : public QObject
{
    Q_OBJECT
public:
    static constexpr int OpDeadlineMs = 90'000; ///< a command is retried for this long
    static constexpr int AttemptMs = 20'000;    ///< no answer in this long: sent again

    ChaosWorker(int index, std::shared_ptr<Client> client, ChaosPlan plan, std::deque<ChaosOp>& history);
    void start();
    /// Ends after the flow under way.
    void stop() { m_stopping = true; }
    bool idle() const { return m_idle; }
    int flows() const { return m_flows; }
    Client& client() { return *m_client; }

    /// Whether an error means "send the same command again" (with its key).
    static bool retryable(const Error& error);

private:
    using Next = std::function<void(const ChaosOutcome&)>;
    void flow();
    void authorize(Id order);
    void capture(Id payment);
    void afterCapture(Id payment);
    void payout();
    void flowDone();
    void call(const QString& kind, ChaosOp::Send send, Next next);
    void attempt(size_t index, const Next& next);
    void answered(size_t index, const Result<ChaosOutcome>& result, const Next& next);

    int m_index = 0;
    std::shared_ptr<Client> m_client;
    ChaosPlan m_plan;
    std::deque<ChaosOp>& m_history;
    int m_flows = 0;
    int m_keys = 0;
    bool m_stopping = false;
    bool m_idle = true;
};

} // namespace souk::test
