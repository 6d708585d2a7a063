#pragma once

#include <functional>

#include <QtGlobal>

namespace souk {

/// How many parts CPU-bound work on `items` items is worth splitting into: one per core (at most
/// PartsMax), and one when there are fewer than `itemsPerPartMin` items per part.
int parallelParts(qsizetype items, qsizetype itemsPerPartMin);

/// Runs work(0) .. work(parts - 1) at the same time, part 0 on the calling thread and each other
/// part on a thread of its own, and returns when all are done. The parts must not share mutable
/// state. For pure computations on a worker thread; never call it on the GUI thread.
void runParts(int parts, const std::function<void(int part)>& work);

} // namespace souk
