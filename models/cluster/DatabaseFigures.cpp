#include "models/cluster/DatabaseFigures.h"

#include <cmath>

#include "backend/api/metrics/Exposition.h"

using namespace Qt::StringLiterals;

namespace souk {

const StandbyFigures* DatabaseFigures::lagging() const
{
    for (const StandbyFigures& s : standbys) {
        if ((std::isfinite(s.lagS) && s.lagS > LagAlertS) || (std::isfinite(s.lagBytes) && s.lagBytes > LagAlertBytes))
            return &s;
    }
    return nullptr;
}

DatabaseFigures DatabaseFigures::from(const metrics::Exposition& metrics)
{
    DatabaseFigures out;
    // series the node no longer holds true (a moved primary, a gone standby) read NaN
    for (const metrics::Sample& s : metrics.samples()) {
        if (s.name == u"souk_db_primary_info"_s && s.value == 1)
            out.primary = s.label(u"primary"_s);
        else if (s.name == u"souk_db_standby_info"_s && s.value == 1)
            out.standbys.append(
                {s.label(u"standby"_s), s.label(u"address"_s), s.label(u"state"_s), s.label(u"sync"_s)});
    }
    if (!out.known())
        return {};
    out.connections = metrics.sum(u"souk_db_connections"_s);
    for (StandbyFigures& standby : out.standbys) {
        standby.lagBytes = metrics.sum(u"souk_db_replication_lag_bytes"_s, {{u"standby"_s, standby.name}});
        standby.lagS = metrics.sum(u"souk_db_replication_lag_seconds"_s, {{u"standby"_s, standby.name}});
    }
    return out;
}

} // namespace souk
