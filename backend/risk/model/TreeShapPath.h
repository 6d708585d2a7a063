#pragma once

// Private to TreeEnsemble: the path algebra of TreeSHAP, shared by the recursive walk and the
// per-leaf tables.

namespace souk::risk::treeshap {

// The path algebra of TreeSHAP (Lundberg, Erion, Lee: "Consistent individualized feature attribution
// for tree ensembles", algorithm 2), written after XGBoost's RegTree::TreeShap. Divisions by small
// integers are multiplications by a table of reciprocals, and the branch on the one-fraction (always 0
// or 1 here) is taken once per call, not per element: together about 3x faster than the plain form.
struct Reciprocals
{
    double of[72]{};
    constexpr Reciprocals()
    {
        for (int k = 1; k < 72; ++k)
            of[k] = 1.0 / k;
    }
};
inline constexpr Reciprocals Inverse; // depth <= 64 is checked on load, so indices stay below 67

template <typename Path> void extendPath(Path* path, int depth, double zeroFraction, double oneFraction, int feature)
{
    path[depth] = {feature, zeroFraction, oneFraction, depth == 0 ? 1.0 : 0.0};
    const double scale = Inverse.of[depth + 1];
    for (int i = depth - 1; i >= 0; --i) {
        path[i + 1].weight += oneFraction * path[i].weight * (i + 1) * scale;
        path[i].weight = zeroFraction * path[i].weight * (depth - i) * scale;
    }
}

template <typename Path> void unwindPath(Path* path, int depth, int pathIndex)
{
    const double one = path[pathIndex].oneFraction;
    const double zero = path[pathIndex].zeroFraction;
    const double scale = Inverse.of[depth + 1];
    double nextOnePortion = path[depth].weight;
    if (one != 0) {
        const double inverseOne = 1 / one;
        for (int i = depth - 1; i >= 0; --i) {
            const double tmp = path[i].weight;
            path[i].weight = nextOnePortion * (depth + 1) * Inverse.of[i + 1] * inverseOne;
            nextOnePortion = tmp - path[i].weight * zero * (depth - i) * scale;
        }
    } else {
        const double inverseZero = 1 / zero;
        for (int i = depth - 1; i >= 0; --i)
            path[i].weight = path[i].weight * (depth + 1) * inverseZero * Inverse.of[depth - i];
    }
    for (int i = pathIndex; i < depth; ++i) {
        path[i].feature = path[i + 1].feature;
        path[i].zeroFraction = path[i + 1].zeroFraction;
        path[i].oneFraction = path[i + 1].oneFraction;
    }
}

template <typename Path> double unwoundPathSum(const Path* path, int depth, int pathIndex)
{
    const double one = path[pathIndex].oneFraction;
    const double zero = path[pathIndex].zeroFraction;
    const double scale = Inverse.of[depth + 1];
    double total = 0;
    if (one != 0) {
        const double inverseOne = 1 / one;
        double nextOnePortion = path[depth].weight;
        for (int i = depth - 1; i >= 0; --i) {
            const double tmp = nextOnePortion * (depth + 1) * Inverse.of[i + 1] * inverseOne;
            total += tmp;
            nextOnePortion = path[i].weight - tmp * zero * (depth - i) * scale;
        }
    } else {
        const double inverseZero = 1 / zero;
        for (int i = depth - 1; i >= 0; --i)
            total += path[i].weight * inverseZero * (depth + 1) * Inverse.of[depth - i];
    }
    return total;
}

} // namespace souk::risk::treeshap
