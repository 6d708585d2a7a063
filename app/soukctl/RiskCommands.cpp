// soukctl rules, lists, reviews and payments risk: the risk engine's rule sets and lists, the
// review queue, and what was decided of a payment. The same on a store and on a node; --json
// prints the API's own JSON form of what the command read.
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include "app/soukctl/Cli.h"
#include "backend/api/schema/Types.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/Reviews.h"
#include "backend/risk/decisions/RiskPolicy.h"

using namespace Qt::StringLiterals;
using namespace souk::risk;

namespace souk::cli {
namespace {

/// The largest rule file read: the rule language's own limits (1,000 rules of 2,000 characters).
constexpr qint64 RuleFileBytesMax = 2'000'000;

const QString RulesUsage = u"usage: soukctl rules list [--json] | show VERSION [--json] | save FILE [--note TEXT] "
                           "| activate VERSION | shadow VERSION on|off"_s;
const QString ListsUsage = u"usage: soukctl lists list [--json] | create NAME KIND [--description TEXT] "
                           "| show NAME [--json] | add NAME VALUE... | remove NAME VALUE..."_s;
const QString ReviewsUsage =
    u"usage: soukctl reviews list [--merchant ID] [--min-score N] [--json] | show ID [--json] "
    "| claim ID | release ID | decide ID approve|decline|fraud --reason R [--note N] [--block]"_s;

template <typename T> void printApiJson(const T& value)
{
    const QJsonValue json = api::Json<T>::encode(value);
    const QJsonDocument doc = json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented)) << Qt::flush;
}

QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : u"-"_s;
}

QString amountText(qint64 minor, const QString& currency)
{
    const auto money = Money::ofMinor(minor, currency);
    return (money ? money->toDecimalString() : QString::number(minor)) + u' ' + shown(currency);
}

/// A positive whole number given as the word at `index`, named `field` ("VERSION").
Result<qint64> numberWord(const Arguments& args, int index, const QString& field)
{
    bool ok = false;
    const qint64 n = args.words.value(index).toLongLong(&ok);
    if (!ok || n < 1)
        return Error::invalid(field, u"a whole number from 1, not \"%1\""_s.arg(args.words.value(index).left(40)));
    return n;
}

/// `error` with the backend's field named as the command line names it; "values[2]" is the
/// command's third VALUE.
Error onCommandLine(Error error, const QList<std::pair<QString, QString>>& fields)
{
    static const QRegularExpression valueAt(u"^values\\[(\\d+)\\]$"_s);
    if (const auto m = valueAt.match(error.field); m.hasMatch()) {
        error.field = u"VALUE %1"_s.arg(m.captured(1).toInt() + 1);
        return error;
    }
    for (const auto& [backend, cli] : fields) {
        if (error.field == backend) {
            error.field = cli;
            break;
        }
    }
    return error;
}

void printRuleSet(const RuleSetVersion& v)
{
    out() << "rule set " << v.version << ": " << v.status << (v.shadow ? ", in shadow" : "") << ", " << v.ruleCount
          << (v.ruleCount == 1 ? " rule" : " rules") << Qt::endl
          << "saved by " << shown(v.createdBy) << " at " << when(v.createdMs)
          << (v.activatedMs ? u", last active from "_s + when(*v.activatedMs) : QString()) << Qt::endl;
    if (!v.note.isEmpty())
        out() << "note: " << shown(v.note) << Qt::endl;
    out() << Qt::endl << shown(v.text);
    if (!v.text.endsWith(u'\n'))
        out() << Qt::endl;
}

/// A rule file that does not parse: "FILE:LINE:COLUMN: message", as compilers say it.
int ruleFileError(const QString& file, const Error& error)
{
    static const QRegularExpression at(u"^line (\\d+), column (\\d+)$"_s);
    const auto m = at.match(error.field);
    if (error.code != ErrorCode::Invalid || !m.hasMatch())
        return fail(onCommandLine(error, {{u"note"_s, u"--note"_s}}));
    err() << shown(file) << ':' << m.captured(1) << ':' << m.captured(2) << ": " << shown(error.message) << Qt::endl;
    return InvalidInput;
}

int rulesSave(Client& client, const Arguments& args)
{
    const QString path = args.words.value(2);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::invalid(u"FILE"_s, u"cannot read %1: %2"_s.arg(path, file.errorString())));
    if (file.size() > RuleFileBytesMax)
        return fail(Error::invalid(u"FILE"_s, u"larger than %1 bytes: not a rule file"_s.arg(RuleFileBytesMax)));
    const QByteArray bytes = file.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return fail(Error::invalid(u"FILE"_s, u"%1 is not UTF-8 text"_s.arg(path)));
    auto saved = wait(client.saveRuleSet(text, args.value(u"--note"_s)));
    if (!saved)
        return ruleFileError(path, saved.error());
    out() << "saved rule set " << saved->version << " (draft, " << saved->ruleCount
          << (saved->ruleCount == 1 ? " rule" : " rules") << "); activate it with: soukctl rules activate "
          << saved->version << Qt::endl;
    return Ok;
}

int runRulesOn(Client& client, const Arguments& args)
{
    const QString verb = args.words.value(1);
    const qsizetype n = args.words.size();
    if (verb == u"list"_s && n == 2) {
        auto sets = wait(client.ruleSets());
        if (!sets)
            return fail(sets.error());
        if (args.has(u"--json"_s)) {
            printApiJson(*sets);
            return Ok;
        }
        out() << "version\tstatus\trules\tsaved by\tsaved\tnote" << Qt::endl;
        for (const RuleSetVersion& v : *sets)
            out() << v.version << '\t' << v.status << (v.shadow ? "+shadow" : "") << '\t' << v.ruleCount << '\t'
                  << shown(v.createdBy) << '\t' << when(v.createdMs) << '\t' << shown(v.note) << Qt::endl;
        return Ok;
    }
    if (verb == u"save"_s && n == 3)
        return rulesSave(client, args);
    if ((verb == u"show"_s || verb == u"activate"_s) && n == 3) {
        auto version = numberWord(args, 2, u"VERSION"_s);
        if (!version)
            return fail(version.error());
        auto v = wait(verb == u"show"_s ? client.ruleSet(*version) : client.activateRuleSet(*version));
        if (!v)
            return fail(onCommandLine(v.error(), {{u"version"_s, u"VERSION"_s}}));
        if (verb == u"activate"_s)
            out() << "rule set " << v->version << " is active" << Qt::endl;
        else if (args.has(u"--json"_s))
            printApiJson(*v);
        else
            printRuleSet(*v);
        return Ok;
    }
    if (verb == u"shadow"_s && n == 4) {
        auto version = numberWord(args, 2, u"VERSION"_s);
        if (!version)
            return fail(version.error());
        const QString state = args.words[3]; // on or off: checked by runRules
        auto v = wait(client.setRuleSetShadow(*version, state == u"on"_s));
        if (!v)
            return fail(onCommandLine(v.error(), {{u"version"_s, u"VERSION"_s}}));
        out() << "rule set " << v->version
              << (v->shadow ? " runs in shadow beside the active set" : " no longer runs in shadow") << Qt::endl;
        return Ok;
    }
    return usageError(RulesUsage);
}

int runListsOn(Client& client, const Arguments& args)
{
    const QString verb = args.words.value(1);
    const qsizetype n = args.words.size();
    const QList<std::pair<QString, QString>> fields = {{u"name"_s, u"NAME"_s},
                                                       {u"list"_s, u"NAME"_s},
                                                       {u"kind"_s, u"KIND"_s},
                                                       {u"description"_s, u"--description"_s},
                                                       {u"values"_s, u"VALUE"_s}};
    if (verb == u"list"_s && n == 2) {
        auto lists = wait(client.riskLists());
        if (!lists)
            return fail(lists.error());
        if (args.has(u"--json"_s)) {
            printApiJson(*lists);
            return Ok;
        }
        out() << "name\tkind\tvalues\tdescription" << Qt::endl;
        for (const RiskList& l : *lists)
            out() << '@' << shown(l.name) << '\t' << l.kind << '\t' << l.entries << '\t' << shown(l.description)
                  << Qt::endl;
        return Ok;
    }
    if (verb == u"create"_s && n == 4) {
        auto made = wait(client.createRiskList(args.words[2], args.words[3], args.value(u"--description"_s)));
        if (!made)
            return fail(onCommandLine(made.error(), fields));
        out() << "created @" << shown(made->name) << " (" << made->kind << "); rules name it as in @"
              << shown(made->name) << Qt::endl;
        return Ok;
    }
    if (verb == u"show"_s && n == 3) {
        auto values = wait(client.riskListValues(args.words[2]));
        if (!values)
            return fail(onCommandLine(values.error(), fields));
        if (args.has(u"--json"_s)) {
            printApiJson(*values);
            return Ok;
        }
        for (const QString& v : *values)
            out() << shown(v) << Qt::endl;
        return Ok;
    }
    if ((verb == u"add"_s || verb == u"remove"_s) && n >= 4) {
        const QStringList values = args.words.mid(3);
        auto changed = wait(verb == u"add"_s ? client.addRiskListValues(args.words[2], values)
                                             : client.removeRiskListValues(args.words[2], values));
        if (!changed)
            return fail(onCommandLine(changed.error(), fields));
        out() << (verb == u"add"_s ? "added " : "removed ") << changed->changed << " of " << values.size()
              << (values.size() == 1 ? " value" : " values") << (verb == u"add"_s ? " to @" : " from @")
              << shown(changed->list) << " (" << changed->entries << " now)" << Qt::endl;
        return Ok;
    }
    return usageError(ListsUsage);
}

void printReview(const Review& r)
{
    const Assessment& a = r.assessment;
    out() << "review " << r.id.toString() << ": " << r.status << ", payment " << r.paymentId.toString() << " of order "
          << r.orderId.toString() << ", merchant " << r.merchantId.toString() << Qt::endl
          << "amount: " << amountText(r.amountMinor, r.currency) << Qt::endl
          << "opened " << when(r.openedMs) << ", decide before " << when(r.deadlineMs) << Qt::endl;
    if (!r.claimedBy.isEmpty())
        out() << "claimed by " << shown(r.claimedBy) << " until " << when(r.claimedUntilMs) << Qt::endl;
    if (!r.decidedBy.isEmpty())
        out() << "decided by " << shown(r.decidedBy) << " at " << when(r.decidedMs) << ": " << shown(r.reason)
              << (r.note.isEmpty() ? QString() : u" (" + shown(r.note) + u')') << Qt::endl;
    out() << "customer: " << shown(r.email) << "; card " << shown(r.cardCountry) << ", IP " << shown(r.ipCountry)
          << ", shipping " << shown(r.shippingCountry) << ", billing " << shown(r.billingCountry) << Qt::endl;
    out() << "risk: " << shown(a.summary()) << Qt::endl;
    for (const RiskReason& reason : a.reasons)
        out() << "  " << shown(reason.text.isEmpty() ? reason.feature : reason.text)
              << (reason.contribution != 0 ? u": %1"_s.arg(reason.contribution, 0, 'f', 1) : QString()) << Qt::endl;
}

int reviewsList(Client& client, const Arguments& args)
{
    ReviewFilter filter;
    if (args.has(u"--merchant"_s)) {
        auto merchant = Id::parse(args.value(u"--merchant"_s), u"--merchant"_s);
        if (!merchant)
            return fail(merchant.error());
        filter.merchantId = *merchant;
    }
    auto minScore = integerOption(args, u"--min-score"_s, -1, 0, 100);
    if (!minScore)
        return fail(minScore.error());
    filter.minScore = int(*minScore);
    auto queue = wait(client.reviews(filter));
    if (!queue)
        return fail(
            onCommandLine(queue.error(), {{u"merchantId"_s, u"--merchant"_s}, {u"minScore"_s, u"--min-score"_s}}));
    if (args.has(u"--json"_s)) {
        printApiJson(*queue);
        return Ok;
    }
    if (queue->isEmpty()) {
        out() << "no open reviews" << Qt::endl;
        return Ok;
    }
    out() << "id\tmerchant\tamount\tscore\tdecide before\tclaimed by\treason" << Qt::endl;
    for (const Review& r : *queue) {
        const Assessment& a = r.assessment;
        const QString top = a.reasons.isEmpty() ? QString() : a.reasons.first().text;
        out() << r.id.toString() << '\t' << r.merchantId.toString() << '\t' << amountText(r.amountMinor, r.currency)
              << '\t' << (a.score >= 0 ? QString::number(a.score) : u"-"_s) << '\t' << when(r.deadlineMs) << '\t'
              << (r.claimedBy.isEmpty() ? u"-"_s : shown(r.claimedBy)) << '\t'
              << shown(a.ruleLine > 0 ? u"rule %1: %2"_s.arg(a.ruleLine).arg(a.ruleText) : top) << Qt::endl;
    }
    return Ok;
}

int reviewsDecide(Client& client, const Arguments& args, Id reviewId)
{
    const auto verdict = reviewVerdictNamed(args.words[3]); // checked by runReviews
    Q_ASSERT(verdict);
    auto decided = wait(client.decideReview(reviewId, *verdict, args.value(u"--reason"_s), args.value(u"--note"_s),
                                            args.has(u"--block"_s)));
    if (!decided)
        return fail(onCommandLine(decided.error(), {{u"reviewId"_s, u"ID"_s},
                                                    {u"reason"_s, u"--reason"_s},
                                                    {u"note"_s, u"--note"_s},
                                                    {u"block"_s, u"--block"_s}}));
    out() << "review " << decided->id.toString() << ": " << decided->status << " ("
          << (*verdict == ReviewVerdict::Approve ? "payment captured" : "payment voided, order cancelled") << ')'
          << Qt::endl;
    return Ok;
}

int runReviewsOn(Client& client, const Arguments& args)
{
    const QString verb = args.words.value(1);
    const qsizetype n = args.words.size();
    if (verb == u"list"_s && n == 2)
        return reviewsList(client, args);
    const bool one = (verb == u"show"_s || verb == u"claim"_s || verb == u"release"_s) && n == 3;
    if (one || (verb == u"decide"_s && n == 4)) {
        auto id = Id::parse(args.words[2], u"ID"_s);
        if (!id)
            return fail(id.error());
        if (verb == u"decide"_s)
            return reviewsDecide(client, args, *id);
        auto r = wait(verb == u"show"_s    ? client.review(*id)
                      : verb == u"claim"_s ? client.claimReview(*id)
                                           : client.releaseReview(*id));
        if (!r)
            return fail(onCommandLine(r.error(), {{u"reviewId"_s, u"ID"_s}}));
        if (verb == u"claim"_s)
            out() << "review " << r->id.toString() << " is yours until " << when(r->claimedUntilMs) << Qt::endl;
        else if (verb == u"release"_s)
            out() << "review " << r->id.toString() << " released" << Qt::endl;
        else if (args.has(u"--json"_s))
            printApiJson(*r);
        else
            printReview(*r);
        return Ok;
    }
    return usageError(ReviewsUsage);
}

void printAssessment(Id paymentId, const Assessment& a)
{
    out() << "payment " << paymentId.toString() << ": " << riskActionName(a.action) << Qt::endl
          << shown(a.summary()) << Qt::endl
          << "score: " << (a.score >= 0 ? QString::number(a.score) : u"- (no model)"_s) << ", model "
          << (a.modelVersion > 0 ? QString::number(a.modelVersion) : u"-"_s) << ", rule set "
          << (a.ruleSetVersion > 0 ? QString::number(a.ruleSetVersion) : u"-"_s) << Qt::endl;
    if (a.ruleLine > 0)
        out() << "deciding rule (line " << a.ruleLine << "): " << shown(a.ruleText) << Qt::endl;
    if (!a.fired.isEmpty()) {
        QStringList lines;
        for (int line : a.fired)
            lines << QString::number(line);
        out() << "rules that matched: lines " << lines.join(u", ") << Qt::endl;
    }
    if (!a.shadowAction.isEmpty())
        out() << "shadow rule set " << a.shadowVersion << " would have: " << shown(a.shadowAction) << Qt::endl;
    out() << "reasons:" << Qt::endl;
    for (const RiskReason& r : a.reasons)
        out() << "  " << shown(r.feature) << " = " << QString::number(r.value, 'g', 6) << "\t"
              << u"%1"_s.arg(r.contribution, 0, 'f', 1) << '\t' << shown(r.text) << Qt::endl;
}

} // namespace

int runRules(const Arguments& args)
{
    const QString verb = args.words.value(1);
    const qsizetype n = args.words.size();
    // the command's shape is checked before any store is opened or node asked
    const bool shaped = (verb == u"list"_s && n == 2) ||
                        ((verb == u"show"_s || verb == u"save"_s || verb == u"activate"_s) && n == 3) ||
                        (verb == u"shadow"_s && n == 4);
    if (!shaped)
        return usageError(RulesUsage);
    if (verb == u"shadow"_s && args.words[3] != u"on"_s && args.words[3] != u"off"_s)
        return usageError(u"soukctl rules shadow VERSION on|off: not \"%1\""_s.arg(args.words[3].left(20)));
    auto client = openClient(args, verb == u"list"_s || verb == u"show"_s);
    if (!client)
        return fail(client.error());
    return runRulesOn(**client, args);
}

int runLists(const Arguments& args)
{
    const QString verb = args.words.value(1);
    const qsizetype n = args.words.size();
    const bool shaped = (verb == u"list"_s && n == 2) || (verb == u"create"_s && n == 4) ||
                        (verb == u"show"_s && n == 3) || ((verb == u"add"_s || verb == u"remove"_s) && n >= 4);
    if (!shaped)
        return usageError(ListsUsage);
    auto client = openClient(args, verb == u"list"_s || verb == u"show"_s);
    if (!client)
        return fail(client.error());
    return runListsOn(**client, args);
}

int runReviews(const Arguments& args)
{
    const QString verb = args.words.value(1);
    const qsizetype n = args.words.size();
    const bool shaped = (verb == u"list"_s && n == 2) ||
                        ((verb == u"show"_s || verb == u"claim"_s || verb == u"release"_s) && n == 3) ||
                        (verb == u"decide"_s && n == 4);
    if (!shaped)
        return usageError(ReviewsUsage);
    if (verb == u"decide"_s) {
        const auto verdict = reviewVerdictNamed(args.words[3]);
        if (!verdict)
            return usageError(
                u"soukctl reviews decide ID approve|decline|fraud: not \"%1\""_s.arg(args.words[3].left(20)));
        if (!args.has(u"--reason"_s))
            return usageError(u"soukctl reviews decide ID %1 --reason R: one of %2"_s.arg(
                args.words[3], Reviews::reasonsFor(*verdict).join(u", ")));
    }
    auto client = openClient(args, verb == u"list"_s || verb == u"show"_s);
    if (!client)
        return fail(client.error());
    return runReviewsOn(**client, args);
}

int runPayments(const Arguments& args)
{
    if (args.words.value(1) != u"risk"_s || args.words.size() != 3)
        return usageError(u"usage: soukctl payments risk PAYMENT_ID [--json]"_s);
    auto id = Id::parse(args.words[2], u"PAYMENT_ID"_s);
    if (!id)
        return fail(id.error());
    auto client = openClient(args, true);
    if (!client)
        return fail(client.error());
    auto assessment = wait((*client)->paymentRisk(*id));
    if (!assessment)
        return fail(onCommandLine(assessment.error(), {{u"paymentId"_s, u"PAYMENT_ID"_s}}));
    if (args.has(u"--json"_s))
        printApiJson(*assessment);
    else
        printAssessment(*id, *assessment);
    return Ok;
}

} // namespace souk::cli
