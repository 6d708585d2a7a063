// Authentication figures: what one password login costs (Argon2id verify with the default
// parameters: time and memory) against what one API-key or session lookup costs (SHA-256 of the
// presented token), measured in the same run so the ratio holds on any machine.
// Usage: bench_auth [RUNS] (default 20). Build in Release.
#include <QElapsedTimer>
#include <QTextStream>

#include <sys/resource.h>

#include "backend/auth/PasswordHash.h"
#include "backend/auth/Secret.h"
#include "tests/bench/BenchSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::auth;

namespace {

constexpr int HashesPerBatch = 10'000;

/// Peak resident set size of this process so far, in KiB (Linux reports ru_maxrss in KiB).
long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/// Milliseconds for each of `runs` verifications of a correct password.
QList<double> verifyMs(const QByteArray& encoded, const QString& password, int runs)
{
    QList<double> samples;
    QElapsedTimer t;
    for (int i = 0; i < runs; ++i) {
        t.start();
        if (!PasswordHash::verify(encoded, password)) // a failing verify may stop early: don't time it
            qFatal("verify failed on the benchmark's own hash");
        samples.append(double(t.nsecsElapsed()) / 1e6);
    }
    return samples;
}

/// Microseconds per token hash, one sample per batch of HashesPerBatch hashes.
QList<double> tokenHashUs(const QString& tokenText, int batches)
{
    QList<double> samples;
    QElapsedTimer t;
    volatile char sink = 0; // keeps the hashes from being optimised away
    for (int b = 0; b < batches; ++b) {
        t.start();
        for (int i = 0; i < HashesPerBatch; ++i)
            sink = sink ^ Secret::hashOf(tokenText).at(0);
        samples.append(double(t.nsecsElapsed()) / 1e3 / HashesPerBatch);
    }
    return samples;
}

void row(QTextStream& out, const QString& name, double value, const QString& unit)
{
    out << name.leftJustified(34) << QString::number(value, 'f', value < 10 ? 2 : 1).rightJustified(10) << "  " << unit
        << Qt::endl;
}

} // namespace

int main(int argc, char* argv[])
{
    const int runs = argc > 1 ? qBound(1, QString::fromLocal8Bit(argv[1]).toInt(), 1000) : 20;
    const PasswordHash::Params params = PasswordHash::defaults();
    const QString password = PasswordHash::generate();

    const long rssBeforeKiB = peakRssKiB(); // before the first Argon2 allocation of this process
    const auto encoded = PasswordHash::hash(password, params);
    if (!encoded)
        qFatal("%s", qPrintable(encoded.error().toString()));
    const QList<double> verify = verifyMs(*encoded, password, runs);
    const double peakGrowthMiB = double(peakRssKiB() - rssBeforeKiB) / 1024.0;

    const QList<double> lookup = tokenHashUs(Secret::make(u"sk").text, runs);
    const double verifyMedianMs = bench::percentile(verify, 50);
    const double lookupMedianUs = bench::percentile(lookup, 50);

    QTextStream out(stdout);
    out << "bench_auth: Argon2id m=" << params.memoryKiB << " KiB, t=" << params.timeCost
        << ", p=" << params.parallelism << "; " << runs << " verify runs, " << runs << " x " << HashesPerBatch
        << " token hashes" << Qt::endl;
    row(out, u"Argon2id verify, median"_s, verifyMedianMs, u"ms"_s);
    row(out, u"Argon2id verify, p95"_s, bench::percentile(verify, 95), u"ms"_s);
    row(out, u"peak RSS growth (ru_maxrss)"_s, peakGrowthMiB, u"MiB"_s);
    row(out, u"nominal memory (m)"_s, params.memoryKiB / 1024.0, u"MiB"_s);
    row(out, u"token lookup hash SHA-256, median"_s, lookupMedianUs, u"us"_s);
    row(out, u"token lookup hash SHA-256, p95"_s, bench::percentile(lookup, 95), u"us"_s);
    row(out, u"verify / token hash (median)"_s, verifyMedianMs * 1000.0 / lookupMedianUs, u"x"_s);
    return 0;
}
