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

void DatabaseWatch::heard(int index, const DatabaseFigures& figures)
{
    if (figures.known())
        byNode.insert(index, figures);
    else
        byNode.remove(index);
    QHash<QString, int> votes;
    for (const DatabaseFigures& f : std::as_const(byNode))
        ++votes[f.primary];
    QString best = shown.primary;
    int most = votes.value(best, 0);
    for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
        if (it.value() > most) {
            best = it.key();
            most = it.value();
        }
    }
    if (most == 0)
        return; // no node tells now (their reads fail in a failover): the last word stays shown
    // the freshest word of that primary: this node's when it says so
    if (figures.known() && figures.primary == best)
        shown = figures;
    else if (shown.primary != best)
        for (const DatabaseFigures& f : std::as_const(byNode))
            if (f.primary == best) {
                shown = f;
                break;
            }
}

} // namespace souk
