// soukctl payments import-history, rules backtest, risk train|evaluate|models|activate: the risk
// engine's work on payment history. Backtests and models go through the Client, so they work on a
// store (--store) and on a node (--url) alike; the import and `risk evaluate` read or write the
// store file in this process, and on a node they are refused with what to do instead.
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

#include <memory>
#include <span>

#include "app/soukctl/Cli.h"
#include "backend/core/Currency.h"
#include "backend/engine/Engine.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/decisions/RiskModels.h"
#include "backend/risk/history/HistoryCsv.h"

using namespace Qt::StringLiterals;

namespace souk::cli {
namespace {

constexpr qint64 EndOfTimeMs = 253'402'300'800'000; // 10000-01-01
constexpr int DefaultThreshold = 65;
constexpr qint64 ImportChunkRows = 5000; ///< rows per command: about half a second of the writer

/// --NAME as a UTC date or time (2026-03-01, 2026-03-01T09:00Z); `fallback` when absent.
Result<qint64> dateOption(const Arguments& args, const QString& name, qint64 fallback)
{
    if (!args.has(name))
        return fallback;
    const QString text = args.value(name).trimmed();
    QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid())
        at = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (!at.isValid())
        return Error::invalid(name, u"a date or time such as 2026-03-01 or 2026-03-01T09:00Z"_s);
    if (at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC);
    return at.toMSecsSinceEpoch();
}

QString day(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm"_s);
}

int refusedOnNode(const QString& command)
{
    return storeOnlyOnNode(command, u"it reads the store's whole payment history in this process; run it on the "
                                    "node's machine with --store"_s);
}

/// "FILE:LINE:COLUMN: message" for a rule set that does not parse; the error's field says where.
int ruleProblem(const QString& path, const Error& e)
{
    static const QRegularExpression where(u"^line (\\d+), column (\\d+)$"_s);
    const auto m = where.match(e.field);
    if (!m.hasMatch())
        return fail(e);
    err() << shown(path) << ':' << m.captured(1) << ':' << m.captured(2) << ": " << shown(e.message) << Qt::endl;
    return InvalidInput;
}

int importHistory(const Arguments& args)
{
    if (args.words.size() != 3)
        return usageError(u"usage: soukctl --store FILE payments import-history [--merchant ID] HISTORY.csv"_s);
    const QString path = args.words[2];
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::invalid(u"FILE"_s, u"cannot read %1: %2"_s.arg(path, file.errorString())));
    const risk::HistoryParse parsed = risk::HistoryCsv::parse(file);
    if (!parsed.ok()) {
        for (const risk::HistoryProblem& p : parsed.problems)
            err() << shown(path) << ": " << shown(p.toString()) << Qt::endl;
        if (parsed.problemsTotal > parsed.problems.size())
            err() << "... and " << parsed.problemsTotal - parsed.problems.size() << " more" << Qt::endl;
        err() << "soukctl: " << parsed.problemsTotal << " problem(s); nothing was imported" << Qt::endl;
        return InvalidInput;
    }
    auto client = openStore(args, false);
    if (!client)
        return fail(client.error());
    auto merchant = pickMerchant(**client, args);
    if (!merchant)
        return fail(merchant.error());
    // in pieces, each its own command: the store goes on taking payments between them (a node's
    // store is another process's; this one may be a console's open store too)
    engine::Engine& engine = (*client)->engine();
    const Actor actor = (*client)->actor();
    const Id merchantId = merchant->id;
    auto rows = std::make_shared<const std::vector<risk::HistoryPayment>>(parsed.file.payments);
    auto batch = wait(engine.write<Id>(actor, [merchantId, n = qint64(rows->size())](store::UnitOfWork& uow) {
        return risk::HistoryImport::begin(uow, merchantId, n);
    }));
    if (!batch)
        return fail(batch.error());
    auto summary = std::make_shared<risk::HistoryImportSummary>();
    summary->batch = *batch;
    const qint64 total = qint64(rows->size());
    Status imported;
    for (qint64 from = 0; from < total && imported; from += ImportChunkRows) {
        const qint64 count = std::min(ImportChunkRows, total - from);
        auto done = wait(engine.write<bool>(actor, [=](store::UnitOfWork& uow) -> Result<bool> {
            // the summary is the writer's alone while the command runs; this thread waits
            risk::HistoryImportSummary next = *summary;
            auto s = risk::HistoryImport::chunk(uow, merchantId, *batch,
                                                std::span(*rows).subspan(std::size_t(from), std::size_t(count)), next);
            if (!s)
                return s.error();
            *summary = next;
            return true;
        }));
        if (!done)
            imported = done.error();
        else if (total > ImportChunkRows)
            err() << "  " << from + count << " of " << total << Qt::endl;
    }
    if (imported) {
        if (auto finished = wait(engine.write<bool>(actor, [id = *batch](store::UnitOfWork& uow) -> Result<bool> {
                if (auto s = risk::HistoryImport::finish(uow, id); !s)
                    return s.error();
                return true;
            }));
            !finished)
            imported = finished.error();
    }
    if (!imported) {
        // every row of the batch goes back out, so the import is all or nothing
        auto undone = wait(engine.write<qint64>(
            actor, [id = *batch](store::UnitOfWork& uow) { return risk::HistoryImport::rollback(uow, id); }));
        if (!undone)
            err() << "soukctl: the partial import could not be taken back now; the next import does it: "
                  << shown(undone.error().toString()) << Qt::endl;
        err() << "soukctl: nothing was imported" << Qt::endl;
        return fail(imported.error());
    }
    out() << "imported " << summary->rows << " payments for " << shown(merchant->name) << " ("
          << summary->approved << " approved, " << summary->declined << " declined, " << summary->fraud
          << " fraud, " << summary->disputed << " disputed), " << day(summary->fromMs) << " to "
          << day(summary->toMs) << " UTC" << Qt::endl;
    return Ok;
}

QJsonObject moneyJson(const QMap<QString, qint64>& amounts)
{
    QJsonObject o;
    for (auto it = amounts.begin(); it != amounts.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString moneyText(const QMap<QString, qint64>& amounts)
{
    QStringList parts;
    for (auto it = amounts.begin(); it != amounts.end(); ++it) {
        const auto currency = Currency::find(it.key());
        const int exponent = currency ? currency->exponent : 0;
        const qint64 per = currency ? currency->minorPerMajor() : 1;
        QString major = QString::number(it.value() / per);
        if (exponent > 0)
            major += u'.' + QString::number(it.value() % per).rightJustified(exponent, u'0');
        parts.append(major + u' ' + it.key());
    }
    return parts.isEmpty() ? u"nothing"_s : parts.join(u", "_s);
}

int backtest(const Arguments& args)
{
    if (args.words.size() != 3)
        return usageError(u"usage: soukctl --store FILE rules backtest RULES.txt [--from DATE] [--to DATE] [--json]"_s);
    const QString path = args.words[2];
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::invalid(u"FILE"_s, u"cannot read %1: %2"_s.arg(path, file.errorString())));
    const QString text = QString::fromUtf8(file.readAll());
    auto from = dateOption(args, u"--from"_s, 0);
    if (!from)
        return fail(from.error());
    auto to = dateOption(args, u"--to"_s, EndOfTimeMs);
    if (!to)
        return fail(to.error());
    auto client = openClient(args, true);
    if (!client)
        return fail(client.error());
    auto r = wait((*client)->backtestRules(text, *from, *to == EndOfTimeMs ? 0 : *to, nullptr));
    if (!r)
        return r.error().field.startsWith(u"line "_s) ? ruleProblem(path, r.error()) : fail(r.error());
    if (args.has(u"--json"_s)) {
        QJsonArray rules;
        for (const risk::BacktestRuleHits& h : r->rules)
            rules.append(QJsonObject{{u"line"_s, h.line},
                                     {u"action"_s, h.action},
                                     {u"rule"_s, h.text},
                                     {u"matched"_s, h.matched},
                                     {u"decided"_s, h.decided},
                                     {u"decided_fraud"_s, h.decidedFraud}});
        const QJsonObject o{{u"payments"_s, r->payments},
                            {u"fraud"_s, r->fraud},
                            {u"blocked"_s, r->blocked},
                            {u"blocked_fraud"_s, r->blockedFraud},
                            {u"blocked_disputed"_s, r->blockedDisputed},
                            {u"blocked_refunded"_s, r->blockedRefunded},
                            {u"reviewed"_s, r->reviewed},
                            {u"reviewed_fraud"_s, r->reviewedFraud},
                            {u"reviewed_disputed"_s, r->reviewedDisputed},
                            {u"reviewed_refunded"_s, r->reviewedRefunded},
                            {u"blocked_approved_minor"_s, moneyJson(r->blockedApprovedMinor)},
                            {u"blocked_legitimate_minor"_s, moneyJson(r->blockedLegitimateMinor)},
                            {u"rules"_s, rules}};
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Ok;
    }
    out() << r->payments << " payments, " << r->fraud << " known fraud" << Qt::endl;
    out() << "would block  " << r->blocked << ": " << r->blockedFraud << " fraud, " << r->blockedDisputed
          << " disputed, " << r->blockedRefunded << " refunded" << Qt::endl;
    out() << "would review " << r->reviewed << ": " << r->reviewedFraud << " fraud, " << r->reviewedDisputed
          << " disputed, " << r->reviewedRefunded << " refunded" << Qt::endl;
    out() << "revenue stopped: " << moneyText(r->blockedApprovedMinor) << "; of legitimate payments: "
          << moneyText(r->blockedLegitimateMinor) << Qt::endl;
    for (const risk::BacktestRuleHits& h : r->rules)
        out() << "  line " << h.line << ": matched " << h.matched << ", decided " << h.decided << " ("
              << h.decidedFraud << " fraud)  " << shown(h.text) << Qt::endl;
    return Ok;
}

QJsonObject versionJson(const risk::ModelVersion& v)
{
    QJsonObject o{{u"version"_s, v.version},
                  {u"kind"_s, v.kind},
                  {u"active"_s, v.active},
                  {u"trained_until"_s, QDateTime::fromMSecsSinceEpoch(v.trainedUntilMs, Qt::UTC).toString(Qt::ISODate)},
                  {u"train_rows"_s, v.trainRows},
                  {u"train_fraud"_s, v.trainPositives},
                  {u"eval_rows"_s, v.evalRows},
                  {u"eval_fraud"_s, v.evalPositives}};
    if (v.auc)
        o.insert(u"auc"_s, *v.auc);
    if (v.recallAt1PctFpr)
        o.insert(u"recall_at_1pct_fp"_s, *v.recallAt1PctFpr);
    return o;
}

void printVersion(const risk::ModelVersion& v)
{
    out() << "model " << v.version << " (" << v.kind << (v.active ? ", active" : "") << "): trained on "
          << v.trainRows << " payments (" << v.trainPositives << " fraud) before " << day(v.trainedUntilMs)
          << " UTC; ";
    if (v.auc)
        out() << "on the " << v.evalRows << " after (" << v.evalPositives << " fraud): AUC "
              << QString::number(*v.auc, 'f', 3) << ", recall at 1% false positives "
              << QString::number(v.recallAt1PctFpr.value_or(0) * 100, 'f', 1) << '%';
    else
        out() << "not evaluated (no fraud and legitimate payments both after the cut-off)";
    out() << Qt::endl;
}

int train(const Arguments& args)
{
    const QString kind = args.has(u"--model"_s) ? args.value(u"--model"_s) : u"gbdt"_s;
    if (kind != u"lr"_s && kind != u"gbdt"_s)
        return fail(Error::invalid(u"--model"_s, u"'%1' is not a model kind (lr or gbdt)"_s.arg(kind.left(20))));
    // by default (0): train on all but the last 30 days, and evaluate on those
    auto until = dateOption(args, u"--until"_s, 0);
    if (!until)
        return fail(until.error());
    auto client = openClient(args, false);
    if (!client)
        return fail(client.error());
    err() << "training " << kind << "..." << Qt::endl;
    auto progress = std::make_shared<TaskProgress>();
    QFuture<Result<risk::ModelVersion>> training = (*client)->trainRiskModel(kind, *until, progress);
    // a store reports progress in thousandths; a node reports none until it answers
    qint64 shown = -1;
    while (!training.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 200);
        const qint64 total = progress->total.load();
        const qint64 tenth = total > 0 ? progress->done.load() * 10 / total : -1;
        if (tenth > shown) {
            shown = tenth;
            err() << "  " << tenth * 10 << '%' << Qt::endl;
        }
        QThread::msleep(total > 0 ? 100 : 20);
    }
    const Result<risk::ModelVersion> saved = training.result();
    if (!saved)
        return fail(saved.error().field == u"kind"_s      ? Error::invalid(u"--model"_s, saved.error().message)
                    : saved.error().field == u"untilMs"_s ? Error::invalid(u"--until"_s, saved.error().message)
                                                          : saved.error());
    if (args.has(u"--json"_s)) {
        out() << QString::fromUtf8(QJsonDocument(versionJson(*saved)).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Ok;
    }
    printVersion(*saved);
    out() << "not active yet: soukctl risk activate " << saved->version << Qt::endl;
    return Ok;
}

int evaluate(const Arguments& args)
{
    if (!args.has(u"--from"_s) || !args.has(u"--to"_s))
        return usageError(u"usage: soukctl --store FILE risk evaluate --from DATE --to DATE [--threshold N] [--json]"_s);
    auto from = dateOption(args, u"--from"_s, 0);
    if (!from)
        return fail(from.error());
    auto to = dateOption(args, u"--to"_s, 0);
    if (!to)
        return fail(to.error());
    if (*to <= *from)
        return fail(Error::invalid(u"--to"_s, u"the end of the window must come after its start"_s));
    auto threshold = integerOption(args, u"--threshold"_s, DefaultThreshold, 0, 100);
    if (!threshold)
        return fail(threshold.error());
    auto client = openStore(args, true);
    if (!client)
        return fail(client.error());
    auto result = wait((*client)->engine().read<risk::Evaluation>(
        [from = *from, to = *to, t = int(*threshold)](QSqlDatabase& db) -> Result<risk::Evaluation> {
            auto active = risk::RiskModels::active(db);
            if (!active)
                return active.error();
            if (!*active)
                return Error::notFound(u"model"_s, u"no model is active (soukctl risk train, then risk activate)"_s);
            auto rows = risk::RiskModels::dataset(db, from, to);
            if (!rows)
                return rows.error();
            return risk::RiskModels::evaluate(*(*active)->second, *rows, t);
        }));
    if (!result)
        return fail(result.error());
    const risk::Confusion& c = result->confusion;
    if (args.has(u"--json"_s)) {
        const QJsonObject o{{u"payments"_s, result->positives + result->negatives},
                            {u"fraud"_s, result->positives},
                            {u"auc"_s, result->auc},
                            {u"recall_at_1pct_fp"_s, result->recallAt1PctFpr},
                            {u"threshold"_s, c.threshold},
                            {u"confusion"_s, QJsonObject{{u"true_positives"_s, c.truePositives},
                                                         {u"false_positives"_s, c.falsePositives},
                                                         {u"true_negatives"_s, c.trueNegatives},
                                                         {u"false_negatives"_s, c.falseNegatives}}}};
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Ok;
    }
    out() << result->positives + result->negatives << " payments, " << result->positives << " fraud" << Qt::endl;
    out() << "AUC " << QString::number(result->auc, 'f', 3) << ", recall at 1% false positives "
          << QString::number(result->recallAt1PctFpr * 100, 'f', 1) << '%' << Qt::endl;
    out() << "at score >= " << c.threshold << ": " << c.truePositives << " fraud caught, " << c.falseNegatives
          << " missed, " << c.falsePositives << " good payments flagged, " << c.trueNegatives << " passed"
          << Qt::endl;
    return Ok;
}

int models(const Arguments& args)
{
    auto client = openClient(args, true);
    if (!client)
        return fail(client.error());
    auto list = wait((*client)->riskModels());
    if (!list)
        return fail(list.error());
    if (args.has(u"--json"_s)) {
        QJsonArray a;
        for (const risk::ModelVersion& v : *list)
            a.append(versionJson(v));
        out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Ok;
    }
    if (list->isEmpty())
        out() << "no models yet: soukctl risk train" << Qt::endl;
    for (const risk::ModelVersion& v : *list)
        printVersion(v);
    return Ok;
}

int activate(const Arguments& args)
{
    if (args.words.size() != 3)
        return usageError(u"usage: soukctl --store FILE risk activate VERSION|none"_s);
    const QString word = args.words[2];
    bool ok = word == u"none"_s;
    const qint64 version = ok ? 0 : word.toLongLong(&ok);
    if (!ok || version < 0)
        return fail(Error::invalid(u"VERSION"_s, u"a model's version number, or none"_s));
    auto client = openClient(args, false);
    if (!client)
        return fail(client.error());
    auto done = wait((*client)->activateRiskModel(version));
    if (!done)
        return fail(done.error());
    if (version == 0)
        out() << "no model is active: payments are judged by the rules alone" << Qt::endl;
    else
        out() << "model " << version << " scores every payment from now on" << Qt::endl;
    return Ok;
}

} // namespace

int runImportHistory(const Arguments& args)
{
    return onNode(args) ? refusedOnNode(u"payments import-history"_s) : importHistory(args);
}

int runRulesBacktest(const Arguments& args)
{
    return backtest(args);
}

int runRisk(const Arguments& args)
{
    const QString verb = args.words.value(1);
    if (verb == u"evaluate" && onNode(args))
        return refusedOnNode(u"risk evaluate"_s);
    if (verb == u"train" && args.words.size() == 2)
        return train(args);
    if (verb == u"evaluate" && args.words.size() == 2)
        return evaluate(args);
    if (verb == u"models" && args.words.size() == 2)
        return models(args);
    if (verb == u"activate")
        return activate(args);
    return usageError(u"risk needs a command: train [--model lr|gbdt] [--until DATE], evaluate --from DATE --to DATE, "
                      "models, activate VERSION|none"_s);
}

} // namespace souk::cli
