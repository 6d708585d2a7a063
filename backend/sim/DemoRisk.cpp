#include "backend/sim/DemoRisk.h"

#include "backend/client/LocalClient.h"
#include "backend/engine/Engine.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/history/FraudSimulator.h"

using namespace Qt::StringLiterals;

namespace souk::sim {
namespace {

constexpr qint64 DayMs = 86'400'000;
constexpr qint64 HistoryPayments = 20'000;
constexpr qint64 HistoryDays = 180;
constexpr qint64 EvaluationDays = 30; ///< the model learns on the rest and is evaluated on these

template <typename T>
Result<T> wait(QFuture<Result<T>> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace

const char* const DemoRules = "# The demo store's starter rules: change them here, backtest, then activate.\n"
                              "Block if :risk_score: >= 90 and :is_new_customer:\n"
                              "Review if :risk_score: >= 65\n"
                              "Review if :card_country: != :ip_country: and :billing_country: != :shipping_country:\n";

Status seedDemoRisk(LocalClient& client, Id merchantId, const QString& currency)
{
    auto sets = wait(client.ruleSets());
    if (!sets)
        return sets.error();
    auto models = wait(client.riskModels());
    if (!models)
        return models.error();
    if (!sets->isEmpty() || !models->isEmpty())
        return {};

    const qint64 nowMs = client.engine().clock().nowMs();
    risk::FraudSimulatorOptions options;
    options.seed = 7;
    options.merchants = 1;
    options.payments = HistoryPayments;
    options.toMs = nowMs - DayMs; // all of it before the demo's own orders
    options.fromMs = options.toMs - HistoryDays * DayMs;
    options.currencies = {currency};
    auto simulated = risk::FraudSimulator::generate(options);
    if (!simulated)
        return simulated.error();
    auto imported = wait(client.engine().write<risk::HistoryImportSummary>(
        client.actor(), [rows = risk::FraudSimulator::payments(*simulated), merchantId](store::UnitOfWork& uow) {
            return risk::HistoryImport::run(uow, merchantId, rows);
        }));
    if (!imported)
        return imported.error();

    auto model = wait(client.trainRiskModel(u"gbdt"_s, options.toMs - EvaluationDays * DayMs, nullptr,
                                            u"demo-model-"_s + merchantId.toString()));
    if (!model)
        return model.error();
    if (auto active = wait(client.activateRiskModel(model->version, u"demo-model-on-"_s + merchantId.toString()));
        !active)
        return active.error();
    auto rules = wait(client.saveRuleSet(QString::fromUtf8(DemoRules), u"starter rules"_s,
                                         u"demo-rules-"_s + merchantId.toString()));
    if (!rules)
        return rules.error();
    if (auto active = wait(client.activateRuleSet(rules->version, u"demo-rules-on-"_s + merchantId.toString()));
        !active)
        return active.error();
    return {};
}

} // namespace souk::sim
