#pragma once

#include <QByteArray>

#include <span>
#include <vector>

#include "backend/core/Result.h"

namespace souk::risk {

struct Contributions;

/// A boosted tree ensemble read from XGBoost's JSON model, evaluated natively: the margin in a few
/// microseconds and exact TreeSHAP contributions (Lundberg et al., as XGBoost's pred_contribs) from
/// per-leaf tables built on load, where XGBoost's C API spends tens and hundreds of µs per row
/// (tests/bench/RESULTS.md).
/// Immutable after fromXgboostJson(); const use from any number of threads (scratch is thread-local).
class TreeEnsemble
{
public:
    /// Reads a binary:logistic gbtree model saved with {"format":"json"}; Invalid on field "model"
    /// for anything else (another objective or booster, categorical splits, inconsistent arrays).
    static Result<TreeEnsemble> fromXgboostJson(const QByteArray& json, int featureCount);

    double margin(std::span<const float> row) const;
    void contributionsInto(std::span<const float> row, Contributions& out) const;
    int treeCount() const { return int(m_roots.size()); }

private:
    struct Node
    {
        int left = -1; ///< absolute index; -1 for a leaf
        int right = -1;
        int feature = -1;
        float value = 0; ///< split threshold (go left when x < value), or the leaf's value
        bool defaultLeft = false;
        double cover = 0;     ///< sum of hessians that reached the node in training
        double meanValue = 0; ///< cover-weighted mean of the leaves below: the tree's expectation here
    };
    struct PathElement
    {
        int feature;
        double zeroFraction;
        double oneFraction;
        double weight;
    };

    /// A step of a root-to-leaf path: the node, the way the path goes, the index of the node's feature
    /// among the leaf's distinct features.
    struct PathStep
    {
        int node;
        bool left;
        int group;
    };
    /// A leaf's TreeSHAP contributions for each pattern of its path's conditions: the row either meets
    /// all of a feature's conditions on the path or not, so k distinct features give 2^k patterns, each
    /// with k values (Fast TreeSHAP v2's idea: Yang 2021). Row-independent, built on load.
    struct LeafTable
    {
        int stepBegin;
        int stepCount;
        int featureBegin; ///< into m_leafFeatures, k entries
        int featureCount; ///< k
        int valueBegin;   ///< into m_leafValues, 2^k · k entries
    };
    struct TreeTable
    {
        int leafBegin = 0;
        int leafCount = 0;
        bool usable = false; ///< false: too many distinct features on a path; the recursive walk is used
    };

    int next(const Node& node, std::span<const float> row) const;
    void buildTables();
    bool buildTreeTable(int tree);
    void addLeaf(const std::vector<PathStep>& path, double leafValue);
    void tableShap(int tree, std::span<const float> row, std::vector<double>& phi) const;
    int treeEnd(int tree) const;
    void treeShap(std::span<const float> row, std::vector<double>& phi, int node, int depth, PathElement* parentPath,
                  double parentZero, double parentOne, int parentFeature) const;
    double fillMeans(int node);

    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
    int m_featureCount = 0;
    int m_maxDepth = 0;
    double m_baseMargin = 0;
    double m_expectation = 0;        ///< base margin + every tree's mean: the contributions' bias
    std::vector<TreeTable> m_tables; ///< per tree
    std::vector<LeafTable> m_leaves;
    std::vector<PathStep> m_steps;
    std::vector<int> m_leafFeatures;
    std::vector<float> m_leafValues; ///< float: half the cache footprint, the walk is memory-bound
    int m_maxTreeNodes = 0;
};

} // namespace souk::risk
