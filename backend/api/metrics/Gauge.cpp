#include "backend/api/metrics/Gauge.h"

#include <limits>

#include "backend/api/metrics/TextFormat.h"

namespace souk::metrics {

void Gauge::appendSamples(QByteArray& out, QByteArrayView name, QByteArrayView labels) const
{
    double shown = value();
    if (m_read) {
        try {
            shown = m_read();
        } catch (...) { // never out of a scrape: the scraping thread is an IO thread
            shown = std::numeric_limits<double>::quiet_NaN();
        }
    }
    text::appendSample(out, name, {}, labels, text::formatValue(shown));
}

} // namespace souk::metrics
