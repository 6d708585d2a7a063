// TreeEnsemble's per-leaf TreeSHAP tables: built once on load, read per row.
#include "backend/risk/model/TreeEnsemble.h"

#include <functional>

#include "backend/risk/model/TreeShapPath.h"

namespace souk::risk {

using namespace treeshap;

namespace {

constexpr int DistinctFeaturesMax = 10;            // 2^10 · 10 values for one leaf at most
constexpr std::size_t TableValuesMax = 16'000'000; // 64 MB over the whole ensemble at most

} // namespace

int TreeEnsemble::treeEnd(int tree) const
{
    return tree + 1 < int(m_roots.size()) ? m_roots[std::size_t(tree) + 1] : int(m_nodes.size());
}

void TreeEnsemble::buildTables()
{
    m_tables.assign(m_roots.size(), TreeTable{});
    for (int tree = 0; tree < int(m_roots.size()); ++tree) {
        m_maxTreeNodes = std::max(m_maxTreeNodes, treeEnd(tree) - m_roots[std::size_t(tree)]);
        const auto leaves = m_leaves.size(), steps = m_steps.size(), features = m_leafFeatures.size(),
                   values = m_leafValues.size();
        TreeTable& table = m_tables[std::size_t(tree)];
        table.leafBegin = int(leaves);
        table.usable = buildTreeTable(tree);
        table.leafCount = int(m_leaves.size() - leaves);
        if (!table.usable) { // roll back: this tree is walked recursively
            m_leaves.resize(leaves);
            m_steps.resize(steps);
            m_leafFeatures.resize(features);
            m_leafValues.resize(values);
            table.leafCount = 0;
        }
    }
}

bool TreeEnsemble::buildTreeTable(int tree)
{
    std::vector<PathStep> path;
    bool fits = true;
    std::function<void(int)> visit = [&](int index) {
        const Node& node = m_nodes[std::size_t(index)];
        if (!fits)
            return;
        if (node.left < 0) {
            std::vector<int> distinct;
            for (PathStep& step : path) {
                const int feature = m_nodes[std::size_t(step.node)].feature;
                const auto at = std::find(distinct.begin(), distinct.end(), feature);
                step.group = int(at - distinct.begin());
                if (at == distinct.end())
                    distinct.push_back(feature);
            }
            const std::size_t k = distinct.size();
            fits = k <= DistinctFeaturesMax && m_leafValues.size() + (std::size_t(1) << k) * k <= TableValuesMax;
            if (fits)
                addLeaf(path, node.value);
            return;
        }
        path.push_back({index, true, -1});
        visit(node.left);
        path.back().left = false;
        visit(node.right);
        path.pop_back();
    };
    visit(m_roots[std::size_t(tree)]);
    return fits;
}

void TreeEnsemble::addLeaf(const std::vector<PathStep>& path, double leafValue)
{
    // each distinct feature's zero fraction: the share of training cover that followed the path at its
    // splits, multiplied over repeated splits (as the recursive walk's unwinding does)
    std::vector<int> features;
    std::vector<double> zero;
    for (const PathStep& step : path) {
        const Node& node = m_nodes[std::size_t(step.node)];
        const double cover = node.cover;
        const double share = cover > 0 ? m_nodes[std::size_t(step.left ? node.left : node.right)].cover / cover : 0.5;
        if (step.group == int(features.size())) {
            features.push_back(node.feature);
            zero.push_back(share);
        } else {
            zero[std::size_t(step.group)] *= share;
        }
    }
    const int k = int(features.size());
    m_leaves.push_back(
        {int(m_steps.size()), int(path.size()), int(m_leafFeatures.size()), k, int(m_leafValues.size())});
    m_steps.insert(m_steps.end(), path.begin(), path.end());
    m_leafFeatures.insert(m_leafFeatures.end(), features.begin(), features.end());
    std::vector<PathElement> elements(std::size_t(k) + 1);
    for (int pattern = 0; pattern < (1 << k); ++pattern) {
        bool dead = false; // a condition not met on a branch no training row took: the leaf adds nothing
        extendPath(elements.data(), 0, 1, 1, -1);
        for (int i = 0; i < k; ++i) {
            const double one = (pattern >> i) & 1;
            dead = dead || (one == 0 && zero[std::size_t(i)] == 0);
            extendPath(elements.data(), i + 1, zero[std::size_t(i)], one, features[std::size_t(i)]);
        }
        for (int i = 1; i <= k; ++i) {
            const PathElement& e = elements[std::size_t(i)];
            const double value =
                dead ? 0.0 : unwoundPathSum(elements.data(), k, i) * (e.oneFraction - e.zeroFraction) * leafValue;
            m_leafValues.push_back(float(value));
        }
    }
}

void TreeEnsemble::tableShap(int tree, std::span<const float> row, std::vector<double>& phi) const
{
    const int begin = m_roots[std::size_t(tree)];
    const int end = treeEnd(tree);
    thread_local std::vector<quint8> goesLeft; // per node of this tree: the way the row goes
    if (int(goesLeft.size()) < m_maxTreeNodes)
        goesLeft.resize(std::size_t(m_maxTreeNodes));
    for (int n = begin; n < end; ++n) {
        const Node& node = m_nodes[std::size_t(n)];
        if (node.left >= 0)
            goesLeft[std::size_t(n - begin)] = next(node, row) == node.left;
    }
    const TreeTable& table = m_tables[std::size_t(tree)];
    for (int l = table.leafBegin; l < table.leafBegin + table.leafCount; ++l) {
        const LeafTable& leaf = m_leaves[std::size_t(l)];
        int pattern = (1 << leaf.featureCount) - 1;
        for (int s = leaf.stepBegin; s < leaf.stepBegin + leaf.stepCount; ++s) {
            const PathStep& step = m_steps[std::size_t(s)];
            if (bool(goesLeft[std::size_t(step.node - begin)]) != step.left)
                pattern &= ~(1 << step.group);
        }
        const float* values = m_leafValues.data() + leaf.valueBegin + std::size_t(pattern) * leaf.featureCount;
        const int* features = m_leafFeatures.data() + leaf.featureBegin;
        for (int i = 0; i < leaf.featureCount; ++i)
            phi[std::size_t(features[i])] += values[i];
    }
}

} // namespace souk::risk
