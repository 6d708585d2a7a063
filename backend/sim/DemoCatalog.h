#pragma once

#include "backend/catalog/CatalogImport.h"
#include "backend/core/Currency.h"

namespace souk::sim {

/// A small, seeded pseudo-random generator whose sequence is the same on every platform
/// (std:: distributions are not). Value type; not thread-safe.
class SeededRandom
{
public:
    explicit SeededRandom(quint64 seed) : m_state(seed ? seed : 0x9E3779B97F4A7C15ULL) {}
    quint64 next();
    /// Uniform in [low, high].
    qint64 between(qint64 low, qint64 high);
    /// true with probability percent / 100.
    bool chance(int percent) { return between(1, 100) <= percent; }

private:
    quint64 m_state;
};

/// Makes a believable catalog for demos, tests and benchmarks: English and Chinese titles,
/// categories, sized/coloured variants, valid EAN-13 barcodes, stock, some of it low.
/// The same seed gives the same catalog. Pure function, any thread.
catalog::ImportPlan demoCatalog(const Currency& currency, int productCount, quint64 seed = 42);

/// A valid EAN-13 from a 12-digit body (the check digit is computed).
QString ean13(qint64 body12);

} // namespace souk::sim
