#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

#include "backend/core/Result.h"
#include "backend/risk/decisions/RiskTypes.h"
#include "backend/risk/model/Model.h"
#include "backend/risk/rules/Facts.h"
#include "backend/risk/rules/RuleSet.h"
#include "backend/store/UnitOfWork.h"

namespace souk::risk {

/// The rule sets and lists as the store keeps them. Writes on the writer (each bumps the policy
/// generation, so every node's PolicyCache reloads); reads on any connection.
class RiskPolicy final
{
public:
    /// On PostgreSQL, the advisory lock a transaction numbering new rule sets holds to its COMMIT ("Souk", 8).
    static constexpr qint64 VersionLock = 0x536F756B'00000008;
    static QStringList listKinds();
    /// Saves `text` as a new draft. A text that does not parse (unknown attribute, a list that
    /// does not exist, a type mismatch) saves nothing: the error names "line L, column C".
    static Result<RuleSetVersion> saveDraft(store::UnitOfWork& uow, const QString& text, const QString& note);
    /// Makes `version` the active set (a draft, or a retired one: a restore); the active one retires.
    static Result<RuleSetVersion> activate(store::UnitOfWork& uow, qint64 version);
    /// Runs a draft in shadow mode beside the active set, or stops it; one shadow at a time.
    static Result<RuleSetVersion> setShadow(store::UnitOfWork& uow, qint64 version, bool shadow);
    static Result<QList<RuleSetVersion>> ruleSets(QSqlDatabase& db);
    static Result<RuleSetVersion> ruleSet(QSqlDatabase& db, qint64 version);

    static Result<RiskList> createList(store::UnitOfWork& uow, const QString& name, const QString& kind,
                                       const QString& description);
    /// Adds values (checked against the list's kind; each problem names the value); returns how
    /// many were new.
    static Result<int> addToList(store::UnitOfWork& uow, const QString& name, const QStringList& values);
    static Result<int> removeFromList(store::UnitOfWork& uow, const QString& name, const QStringList& values);
    static Result<QList<RiskList>> lists(QSqlDatabase& db);
    static Result<QStringList> listValues(QSqlDatabase& db, const QString& name);
    /// Every list with its values, as the evaluator takes them.
    static Result<Lists> loadLists(QSqlDatabase& db);
    static Result<qint64> generation(QSqlDatabase& db);
};

/// The active rule set (and a shadow draft) parsed once, with the lists, for a writer that
/// judges every payment: reloaded only when the store's policy generation moves. One per
/// engine, used on one thread at a time.
class PolicyCache final
{
public:
    struct Policy
    {
        qint64 generation = 0;
        qint64 activeVersion = 0; ///< 0: no active rule set
        std::shared_ptr<const RuleSet> active;
        qint64 shadowVersion = 0;
        std::shared_ptr<const RuleSet> shadow;
        Lists lists;
        qint64 modelVersion = 0; ///< 0: no active model, :risk_score: stays missing
        std::shared_ptr<const Model> model;
        std::vector<int> modelFeatures; ///< for each of the model's features, its Feature index (-1: none)
    };
    const Result<Policy>& current(QSqlDatabase& db);

private:
    std::optional<Result<Policy>> m_policy;
};

} // namespace souk::risk
