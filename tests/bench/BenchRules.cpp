// Risk rule evaluation speed: a 50-rule set (Allow, Block and Review rules mixing comparisons,
// lists, and/or/not) evaluated over 1,000,000 distinct payments' facts, all in memory, one thread.
// Prints ns per evaluation (every rule is evaluated each time, for the explanation), over all
// rows (cold caches: each row read once per pass) and over 4,096 rows cycled (hot caches).
// Usage: bench_rules [ROWS] (default 1000000). Build in Release.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <vector>

#include "backend/risk/rules/RuleParser.h"
#include "tests/bench/BenchSupport.h"

using namespace Qt::StringLiterals;
using namespace souk::risk;

namespace {

QString ruleSetText()
{
    QStringList rules{
        u"Allow if :email: in @trusted_customers"_s,
        u"Allow if :email_domain: in @trusted_domains and :amount: < 1000"_s,
        u"Allow if :card_fingerprint: in @trusted_cards"_s,
        u"Allow if :device_id: in @trusted_devices and not :is_new_customer:"_s,
        u"Allow if :ip: in @office_ips"_s,
        u"Block if :card_country: != :ip_country: and :amount: > 300"_s,
        u"Block if :ip_country: in @sanctioned_countries"_s,
        u"Block if :card_country: in @sanctioned_countries"_s,
        u"Block if :email_domain: in @disposable_domains and :amount: > 50"_s,
        u"Block if (:shipping_country: != :card_country: or :shipping_billing_distance_km: > 500) and :amount: > 800"_s,
        u"Block if :card_brand: = 'amex' and :card_country: != 'US' and :risk_score: > 80"_s,
        u"Block if not :card_country: = :ip_country: and :is_new_customer: and :amount: >= 250.50"_s,
    };
    for (int i = 0; i < 19; ++i) {
        static const QStringList velocity{
            u"card_payments_1h"_s,   u"card_payments_24h"_s,    u"email_payments_1h"_s,         u"ip_payments_1h"_s,
            u"device_payments_1h"_s, u"ip_distinct_cards_1h"_s, u"device_distinct_cards_24h"_s, u"card_declines_24h"_s};
        rules << u"Block if :%1: >= %2 and :amount: > %3"_s.arg(velocity[i % velocity.size()]).arg(5 + i).arg(i * 40);
    }
    for (int i = 0; i < 19; ++i) {
        rules << u"Review if :risk_score: >= %1 and (:amount_to_customer_mean: > %2 or :hour_of_day: < %3) and "
                 u":currency: = '%4'"_s.arg(60 + i)
                     .arg(2 + i % 5)
                     .arg(3 + i % 4)
                     .arg(i % 2 ? u"eur"_s : u"usd"_s);
    }
    return rules.join(u'\n');
}

QStringList pool(const QString& pattern, int size)
{
    QStringList values;
    for (int i = 0; i < size; ++i)
        values << pattern.arg(i);
    return values;
}

Lists makeLists()
{
    Lists lists;
    lists.set(u"trusted_customers"_s, pool(u"customer%1@example.com"_s, 10'000));
    lists.set(u"trusted_domains"_s, pool(u"partner%1.example"_s, 100));
    lists.set(u"trusted_cards"_s, pool(u"fp%1"_s, 5'000));
    lists.set(u"trusted_devices"_s, pool(u"dev%1"_s, 5'000));
    lists.set(u"office_ips"_s, pool(u"10.0.0.%1"_s, 50));
    lists.set(u"sanctioned_countries"_s, {u"kp"_s, u"ir"_s, u"sy"_s, u"cu"_s});
    lists.set(u"disposable_domains"_s, pool(u"mailinator%1.example"_s, 1'000));
    return lists;
}

std::vector<Facts> makeRows(int count)
{
    // already lower-case pools: Facts::setText's case folding then shares the strings
    const QStringList countries{u"us"_s, u"fr"_s, u"de"_s, u"gb"_s, u"br"_s, u"in"_s, u"kp"_s, u"ng"_s};
    const QStringList emails = pool(u"customer%1@example.com"_s, 40'000);
    const QStringList domains = pool(u"mailinator%1.example"_s, 2'000);
    const QStringList devices = pool(u"dev%1"_s, 20'000);
    const QStringList brands{u"visa"_s, u"mastercard"_s, u"amex"_s};
    QRandomGenerator random(42);
    std::vector<Facts> rows(static_cast<std::size_t>(count));
    for (Facts& facts : rows) {
        auto pick = [&random](const QStringList& from) { return from[random.bounded(int(from.size()))]; };
        facts.setNumber(u"amount", *Decimal::fromMinor(random.bounded(200'000), 2));
        facts.setText(u"currency", random.bounded(2) ? u"eur"_s : u"usd"_s);
        facts.setText(u"card_country", pick(countries));
        facts.setText(u"ip_country", pick(countries));
        facts.setText(u"shipping_country", pick(countries));
        facts.setText(u"email", pick(emails));
        facts.setText(u"email_domain", pick(domains));
        facts.setText(u"ip", u"10.0.0.99"_s);
        facts.setText(u"device_id", pick(devices));
        facts.setText(u"card_fingerprint", u"fp-unknown"_s);
        facts.setText(u"card_brand", pick(brands));
        facts.setNumber(u"risk_score", *Decimal::fromInteger(random.bounded(100)));
        facts.setBoolean(u"is_new_customer", random.bounded(4) == 0);
        for (const char* name :
             {"card_payments_1h", "card_payments_24h", "email_payments_1h", "ip_payments_1h", "device_payments_1h",
              "ip_distinct_cards_1h", "device_distinct_cards_24h", "card_declines_24h"})
            facts.setNumber(QString::fromLatin1(name), *Decimal::fromInteger(random.bounded(30)));
        facts.setNumber(u"amount_to_customer_mean", *Decimal::fromMinor(random.bounded(1'000), 2));
        facts.setNumber(u"shipping_billing_distance_km", *Decimal::fromInteger(random.bounded(2'000)));
        facts.setNumber(u"hour_of_day", *Decimal::fromInteger(random.bounded(24)));
    }
    return rows;
}

/// ns per evaluation over `evaluations` evaluations cycling through rows[0, rowCount).
double timeEvaluations(const RuleSet& rules, const std::vector<Facts>& rows, std::size_t rowCount,
                       std::size_t evaluations, const Lists& lists, int counts[4])
{
    Decision decision; // reused: no allocation per evaluation once its outcomes have grown
    QElapsedTimer timer;
    timer.start();
    for (std::size_t i = 0; i < evaluations; ++i) {
        rules.evaluate(rows[i % rowCount], lists, decision);
        ++counts[int(decision.action)];
    }
    return double(timer.nsecsElapsed()) / double(evaluations);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int rowCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1'000'000;
    const Lists lists = makeLists();
    const auto parsed = RuleParser(lists.names()).parse(ruleSetText());
    if (!parsed.ok())
        qFatal("%s", qPrintable(parsed.problems().front().toString()));
    const RuleSet& rules = parsed.rules();
    QTextStream out(stdout);
    out << "rules: " << rules.size() << ", rows: " << rowCount << Qt::endl;
    QElapsedTimer build;
    build.start();
    const std::vector<Facts> rows = makeRows(rowCount);
    out << "built rows in " << build.elapsed() << " ms, RSS " << souk::bench::residentMb() << " MB" << Qt::endl;

    int warm[4] = {};
    timeEvaluations(rules, rows, rows.size(), rows.size(), lists, warm); // first touch, page faults
    int counts[4] = {};
    const double allRows = timeEvaluations(rules, rows, rows.size(), rows.size(), lists, counts);
    int hot[4] = {};
    const double hotRows =
        timeEvaluations(rules, rows, std::min<std::size_t>(4096, rows.size()), rows.size(), lists, hot);
    out << "decisions: none " << counts[0] << ", allow " << counts[1] << ", block " << counts[2] << ", review "
        << counts[3] << Qt::endl;
    souk::bench::report(u"rules: ns per evaluation, 50 rules, %1 distinct rows"_s.arg(rowCount), allRows, u"ns"_s);
    souk::bench::report(u"rules: ns per evaluation, 50 rules, 4096 rows cycled (hot cache)"_s, hotRows, u"ns"_s);
    return 0;
}
