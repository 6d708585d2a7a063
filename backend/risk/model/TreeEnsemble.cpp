#include "backend/risk/model/TreeEnsemble.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

#include "backend/risk/model/Model.h"
#include "backend/risk/model/TreeShapPath.h"

using namespace Qt::StringLiterals;

namespace souk::risk {

using namespace treeshap;

namespace {

Error badModel(const QString& what)
{
    return Error::invalid(u"model"_s, u"gradient-boosted model: %1"_s.arg(what));
}

/// Root-to-node depth of every node below `node` (the tree's height), or -1 on a cycle.
int height(const std::vector<int>& left, const std::vector<int>& right, int node, int depth)
{
    if (depth > 64)
        return -1; // deeper than XGBoost allows: a cycle or a corrupt model
    if (left[std::size_t(node)] < 0)
        return depth;
    const int l = height(left, right, left[std::size_t(node)], depth + 1);
    const int r = height(left, right, right[std::size_t(node)], depth + 1);
    return l < 0 || r < 0 ? -1 : std::max(l, r);
}

} // namespace

Result<TreeEnsemble> TreeEnsemble::fromXgboostJson(const QByteArray& json, int featureCount)
{
    const QJsonObject learner = QJsonDocument::fromJson(json).object().value(u"learner"_s).toObject();
    if (learner.value(u"objective"_s).toObject().value(u"name"_s).toString() != u"binary:logistic"_s)
        return badModel(u"the objective is not binary:logistic"_s);
    const QJsonObject booster = learner.value(u"gradient_booster"_s).toObject();
    if (booster.value(u"name"_s).toString() != u"gbtree"_s)
        return badModel(u"the booster is not gbtree"_s);
    const double baseScore =
        learner.value(u"learner_model_param"_s).toObject().value(u"base_score"_s).toString().toDouble();
    if (!(baseScore > 0 && baseScore < 1))
        return badModel(u"base_score is not a probability"_s);
    TreeEnsemble ensemble;
    ensemble.m_featureCount = featureCount;
    ensemble.m_baseMargin = -std::log(1 / baseScore - 1);
    const QJsonArray trees = booster.value(u"model"_s).toObject().value(u"trees"_s).toArray();
    if (trees.isEmpty())
        return badModel(u"no trees"_s);
    for (const QJsonValue treeValue : trees) {
        const QJsonObject tree = treeValue.toObject();
        const QJsonArray left = tree.value(u"left_children"_s).toArray();
        const QJsonArray right = tree.value(u"right_children"_s).toArray();
        const QJsonArray features = tree.value(u"split_indices"_s).toArray();
        const QJsonArray conditions = tree.value(u"split_conditions"_s).toArray();
        const QJsonArray defaultLeft = tree.value(u"default_left"_s).toArray();
        const QJsonArray covers = tree.value(u"sum_hessian"_s).toArray();
        const QJsonArray splitTypes = tree.value(u"split_type"_s).toArray();
        const qsizetype n = left.size();
        if (n == 0 || right.size() != n || features.size() != n || conditions.size() != n || defaultLeft.size() != n ||
            covers.size() != n)
            return badModel(u"a tree's arrays are empty or of different lengths"_s);
        const int offset = int(ensemble.m_nodes.size());
        std::vector<int> l(static_cast<std::size_t>(n)), r(static_cast<std::size_t>(n));
        for (qsizetype i = 0; i < n; ++i) {
            l[std::size_t(i)] = left[i].toInt(-2);
            r[std::size_t(i)] = right[i].toInt(-2);
            const bool leaf = l[std::size_t(i)] == -1;
            const int feature = features[i].toInt(-1);
            if (leaf ? r[std::size_t(i)] != -1
                     : (l[std::size_t(i)] <= i || l[std::size_t(i)] >= n || r[std::size_t(i)] <= i ||
                        r[std::size_t(i)] >= n || feature < 0 || feature >= featureCount))
                return badModel(u"a tree node has children or a feature out of range"_s);
            if (!splitTypes.isEmpty() && splitTypes[i].toInt(0) != 0)
                return badModel(u"categorical splits are not supported"_s);
            Node node;
            node.left = leaf ? -1 : offset + l[std::size_t(i)];
            node.right = leaf ? -1 : offset + r[std::size_t(i)];
            node.feature = leaf ? -1 : feature;
            node.value = float(conditions[i].toDouble());
            node.defaultLeft = defaultLeft[i].toInt(0) != 0;
            node.cover = covers[i].toDouble();
            ensemble.m_nodes.push_back(node);
        }
        const int depth = height(l, r, 0, 0);
        if (depth < 0)
            return badModel(u"a tree is deeper than 64 levels or has a cycle"_s);
        ensemble.m_maxDepth = std::max(ensemble.m_maxDepth, depth);
        ensemble.m_roots.push_back(offset);
    }
    ensemble.m_expectation = ensemble.m_baseMargin;
    for (const int root : ensemble.m_roots)
        ensemble.m_expectation += ensemble.fillMeans(root);
    ensemble.buildTables();
    return ensemble;
}

double TreeEnsemble::fillMeans(int index)
{
    Node& node = m_nodes[std::size_t(index)];
    if (node.left < 0)
        node.meanValue = node.value;
    else if (node.cover > 0)
        node.meanValue = (fillMeans(node.left) * m_nodes[std::size_t(node.left)].cover +
                          fillMeans(node.right) * m_nodes[std::size_t(node.right)].cover) /
                         node.cover;
    else
        node.meanValue = (fillMeans(node.left) + fillMeans(node.right)) / 2;
    return node.meanValue;
}

int TreeEnsemble::next(const Node& node, std::span<const float> row) const
{
    const float x = row[std::size_t(node.feature)];
    if (std::isnan(x))
        return node.defaultLeft ? node.left : node.right;
    return x < node.value ? node.left : node.right; // XGBoost's rule: strictly less goes left
}

double TreeEnsemble::margin(std::span<const float> row) const
{
    Q_ASSERT(int(row.size()) == m_featureCount);
    double sum = m_baseMargin;
    for (const int root : m_roots) {
        int index = root;
        while (m_nodes[std::size_t(index)].left >= 0)
            index = next(m_nodes[std::size_t(index)], row);
        sum += m_nodes[std::size_t(index)].value;
    }
    return sum;
}

void TreeEnsemble::treeShap(std::span<const float> row, std::vector<double>& phi, int index, int depth,
                            PathElement* parentPath, double parentZero, double parentOne, int parentFeature) const
{
    PathElement* path = parentPath + depth + 1;
    std::copy(parentPath, parentPath + depth + 1, path);
    extendPath(path, depth, parentZero, parentOne, parentFeature);
    const Node& node = m_nodes[std::size_t(index)];
    if (node.left < 0) {
        // for an element the row did not follow (one fraction 0) the unwound sum is the same sum over
        // the path divided by its zero fraction: computed once per leaf instead of once per element
        double coldSum = -1;
        for (int i = 1; i <= depth; ++i) {
            double w;
            if (path[i].oneFraction != 0) {
                w = unwoundPathSum(path, depth, i);
            } else {
                if (coldSum < 0) {
                    coldSum = 0;
                    for (int k = depth - 1; k >= 0; --k)
                        coldSum += path[k].weight * (depth + 1) * Inverse.of[depth - k];
                }
                w = coldSum / path[i].zeroFraction;
            }
            phi[std::size_t(path[i].feature)] += w * (path[i].oneFraction - path[i].zeroFraction) * node.value;
        }
        return;
    }
    const int hot = next(node, row);
    const int cold = hot == node.left ? node.right : node.left;
    const double cover = node.cover;
    const double hotZero = cover > 0 ? m_nodes[std::size_t(hot)].cover / cover : 0.5;
    const double coldZero = cover > 0 ? m_nodes[std::size_t(cold)].cover / cover : 0.5;
    double incomingZero = 1;
    double incomingOne = 1;
    // a feature already on the path is unwound and redone here, so each feature appears once
    int pathIndex = 0;
    while (pathIndex <= depth && path[pathIndex].feature != node.feature)
        ++pathIndex;
    if (pathIndex <= depth) {
        incomingZero = path[pathIndex].zeroFraction;
        incomingOne = path[pathIndex].oneFraction;
        unwindPath(path, depth, pathIndex);
        --depth;
    }
    treeShap(row, phi, hot, depth + 1, path, hotZero * incomingZero, incomingOne, node.feature);
    if (coldZero * incomingZero > 0) // a branch no training row reached adds exactly nothing (and 0/0)
        treeShap(row, phi, cold, depth + 1, path, coldZero * incomingZero, 0, node.feature);
}

void TreeEnsemble::contributionsInto(std::span<const float> row, Contributions& out) const
{
    Q_ASSERT(int(row.size()) == m_featureCount);
    out.features.assign(std::size_t(m_featureCount), 0.0);
    out.bias = m_expectation;
    // scratch for the nested paths: sum of (depth + 1) over the recursion, reused per thread
    thread_local std::vector<PathElement> scratch;
    const std::size_t levels = std::size_t(m_maxDepth) + 3;
    if (scratch.size() < levels * (levels + 1) / 2)
        scratch.resize(levels * (levels + 1) / 2);
    for (int tree = 0; tree < int(m_roots.size()); ++tree) {
        if (m_tables[std::size_t(tree)].usable)
            tableShap(tree, row, out.features);
        else
            treeShap(row, out.features, m_roots[std::size_t(tree)], 0, scratch.data(), 1, 1, -1);
    }
}

} // namespace souk::risk
