#include "backend/api/metrics/Counter.h"

#include "backend/api/metrics/TextFormat.h"

namespace souk::metrics {

void Counter::appendSamples(QByteArray& out, QByteArrayView name, QByteArrayView labels) const
{
    text::appendSample(out, name, {}, labels, text::formatCount(value()));
}

} // namespace souk::metrics
