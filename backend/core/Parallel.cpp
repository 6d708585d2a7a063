#include "backend/core/Parallel.h"

#include <algorithm>
#include <memory>
#include <vector>

#include <QThread>

namespace souk {
namespace {
constexpr int PartsMax = 8; // a limit on threads per call, whatever the machine
}

int parallelParts(qsizetype items, qsizetype itemsPerPartMin)
{
    const qsizetype byCores = std::clamp(QThread::idealThreadCount(), 1, PartsMax);
    const qsizetype bySize = std::max<qsizetype>(1, items / std::max<qsizetype>(1, itemsPerPartMin));
    return int(std::min(byCores, bySize));
}

void runParts(int parts, const std::function<void(int part)>& work)
{
    std::vector<std::unique_ptr<QThread>> threads;
    threads.reserve(size_t(std::max(0, parts - 1)));
    for (int part = 1; part < parts; ++part) {
        threads.emplace_back(QThread::create([&work, part] { work(part); }));
        threads.back()->start();
    }
    if (parts > 0)
        work(0);
    for (auto& thread : threads)
        thread->wait();
}

} // namespace souk
