#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include <QtGlobal>

/// Private to the history library.
namespace souk::risk::history {

/// Sorts `rows` by `timeOf(row)`, ties in their order, moving each row once: the order is found on
/// 16-byte keys, then applied cycle by cycle. std::stable_sort would move these ~400-byte rows
/// log(n) times through a buffer as large as the vector. Does nothing when already in order.
template <typename T, typename TimeOf> void sortByTime(std::vector<T>& rows, TimeOf timeOf)
{
    const auto earlier = [&](const T& a, const T& b) { return timeOf(a) < timeOf(b); };
    if (std::is_sorted(rows.begin(), rows.end(), earlier))
        return;
    std::vector<std::pair<qint64, size_t>> keys(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        keys[i] = {timeOf(rows[i]), i};
    std::sort(keys.begin(), keys.end());   // the index breaks ties: stable
    std::vector<size_t> from(rows.size()); // the row that belongs at each place
    for (size_t i = 0; i < rows.size(); ++i)
        from[i] = keys[i].second;
    keys = {};
    for (size_t start = 0; start < rows.size(); ++start) {
        if (from[start] == start)
            continue;
        T held = std::move(rows[start]);
        size_t place = start;
        for (;;) {
            const size_t source = from[place];
            from[place] = place; // done
            if (source == start) {
                rows[place] = std::move(held);
                break;
            }
            rows[place] = std::move(rows[source]);
            place = source;
        }
    }
}

} // namespace souk::risk::history
