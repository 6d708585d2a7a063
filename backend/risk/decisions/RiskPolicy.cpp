#include "backend/risk/decisions/RiskPolicy.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSqlQuery>

#include "backend/risk/decisions/Features.h"
#include "backend/risk/decisions/RiskModels.h"
#include "backend/risk/rules/RuleParser.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"
#include "backend/store/Statement.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

constexpr int ListValuesMax = 10'000; ///< per call: a larger import is split by the caller
constexpr int ValueCharsMax = 256;

Result<QSqlQuery> query(QSqlDatabase& db, const QString& sql, const QVariantList& binds, const QString& what)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return store::sqlError(q.lastError(), what);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto s = store::exec(q, what); !s)
        return s.error();
    return q;
}

Status bumpGeneration(store::UnitOfWork& uow)
{
    return store::exec(uow.db(), u"UPDATE risk_policy SET generation = generation + 1 WHERE id = 1"_s);
}

const QString RuleSetColumns = u"version, text, status, shadow, note, created_by, created_ms, activated_ms"_s;

RuleSetVersion readRuleSet(const QSqlQuery& q)
{
    RuleSetVersion v;
    v.version = q.value(0).toLongLong();
    v.text = q.value(1).toString();
    v.status = q.value(2).toString();
    v.shadow = q.value(3).toBool();
    v.note = q.value(4).toString();
    v.createdBy = q.value(5).toString();
    v.createdMs = q.value(6).toLongLong();
    if (!q.value(7).isNull())
        v.activatedMs = q.value(7).toLongLong();
    // counted, not parsed: a stored set may name a list removed since
    for (const QString& line : v.text.split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(u'#'))
            ++v.ruleCount;
    }
    return v;
}

Result<QStringList> listNames(QSqlDatabase& db)
{
    auto q = query(db, u"SELECT name FROM risk_lists ORDER BY name"_s, {}, u"reading the risk lists"_s);
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names.append(q->value(0).toString());
    return names;
}

const QString ListSelect = u"SELECT l.name, l.kind, l.description, l.created_ms, "
                          "(SELECT count(*) FROM risk_list_items i WHERE i.list = l.name) FROM risk_lists l"_s;

RiskList readList(const QSqlQuery& q)
{
    return RiskList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(4).toLongLong(),
                    q.value(3).toLongLong()};
}

/// Runs `sql` once per value, bound (list, value[, who, when]) as many as it takes; the rows it
/// changed. The policy's generation moves when any did.
Result<int> changeEach(store::UnitOfWork& uow, const QString& sql, const QString& list, const QStringList& values,
                       const QString& what)
{
    const bool withWho = sql.count(u'?') == 4;
    int changed = 0;
    for (const QString& v : values) {
        QVariantList binds{list, v};
        if (withWho)
            binds << uow.actor().user << uow.nowMs();
        auto q = query(uow.db(), sql, binds, what);
        if (!q)
            return q.error();
        changed += q->numRowsAffected() > 0;
    }
    if (changed > 0) {
        if (auto s = bumpGeneration(uow); !s)
            return s.error();
    }
    return changed;
}

Result<RiskList> findList(QSqlDatabase& db, const QString& name)
{
    auto q = query(db, ListSelect + u" WHERE l.name = ?"_s, {name}, u"reading a risk list"_s);
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"list"_s, u"there is no list @%1"_s.arg(name.left(64)));
    return readList(*q);
}

/// The value as the list keeps it (case-folded, trimmed), or why it does not belong in a list of `kind`.
Result<QString> normalizedValue(const QString& kind, const QString& raw, int index)
{
    const QString field = u"values[%1]"_s.arg(index);
    const QString v = raw.trimmed();
    if (v.isEmpty())
        return Error::invalid(field, u"a list value must not be empty"_s);
    if (v.size() > ValueCharsMax)
        return Error::invalid(field, u"at most %1 characters"_s.arg(ValueCharsMax));
    const QString shown = v.left(60);
    if (kind == u"email"_s) {
        const qsizetype at = v.indexOf(u'@');
        if (at <= 0 || at == v.size() - 1 || v.contains(u' '))
            return Error::invalid(field, u"'%1' is not an email address"_s.arg(shown));
    } else if (kind == u"ip"_s) {
        if (QHostAddress(v).isNull())
            return Error::invalid(field, u"'%1' is not an IPv4 or IPv6 address"_s.arg(shown));
    } else if (kind == u"country"_s) {
        static const QRegularExpression country(u"^[A-Za-z]{2}$"_s);
        if (!country.match(v).hasMatch())
            return Error::invalid(field, u"'%1' is not an ISO 3166-1 alpha-2 country code"_s.arg(shown));
    } else if (kind == u"bin"_s) {
        static const QRegularExpression bin(u"^[0-9]{6,8}$"_s);
        if (!bin.match(v).hasMatch())
            return Error::invalid(field, u"'%1' is not a BIN (6 to 8 digits)"_s.arg(shown));
    } else if (kind == u"card_fingerprint"_s) {
        static const QRegularExpression hex(u"^[0-9A-Fa-f]{64}$"_s);
        if (!hex.match(v).hasMatch())
            return Error::invalid(field, u"'%1' is not a card fingerprint (64 hexadecimal digits)"_s.arg(shown));
    }
    return v.toCaseFolded();
}

} // namespace

QStringList RiskPolicy::listKinds()
{
    return {u"email"_s, u"card_fingerprint"_s, u"ip"_s, u"bin"_s, u"country"_s, u"device_id"_s, u"text"_s};
}

Result<RuleSetVersion> RiskPolicy::saveDraft(store::UnitOfWork& uow, const QString& text, const QString& note)
{
    if (note.size() > 500)
        return Error::invalid(u"note"_s, u"at most 500 characters"_s);
    auto names = listNames(uow.db());
    if (!names)
        return names.error();
    const RuleParseResult parsed = RuleParser(*names).parse(text);
    if (!parsed.ok())
        return parsed.error();
    // the newest version stays the newest until this commits, on every node
    if (auto s = store::lockUntilCommit(uow.db(), RiskPolicy::VersionLock, u"numbering a rule set"_s); !s)
        return s.error();
    auto next = store::scalar(uow.db(), u"SELECT coalesce(max(version), 0) + 1 FROM risk_rulesets"_s);
    if (!next)
        return next.error();
    const qint64 version = next->toLongLong();
    if (auto s = store::exec(uow.db(),
                             u"INSERT INTO risk_rulesets (version, text, status, shadow, note, created_by, created_ms) "
                             "VALUES (?, ?, 'draft', 0, ?, ?, ?)"_s,
                             {version, text, store::nonNull(note), uow.actor().user, uow.nowMs()});
        !s)
        return s.error();
    if (auto s = bumpGeneration(uow); !s)
        return s.error();
    uow.recordChange(u"risk_ruleset"_s, Id{version}, 1, ChangeOp::Created);
    return ruleSet(uow.db(), version);
}

Result<RuleSetVersion> RiskPolicy::activate(store::UnitOfWork& uow, qint64 version)
{
    auto target = ruleSet(uow.db(), version);
    if (!target)
        return target.error();
    if (target->status == u"active"_s)
        return Error{ErrorCode::IllegalTransition, u"rule set %1 is already active"_s.arg(version), u"version"_s};
    // the lists it names may have gone since it was saved: a set that no longer parses is not activated
    auto names = listNames(uow.db());
    if (!names)
        return names.error();
    if (const RuleParseResult parsed = RuleParser(*names).parse(target->text); !parsed.ok())
        return parsed.error();
    if (auto s = store::exec(uow.db(), u"UPDATE risk_rulesets SET status = 'retired' WHERE status = 'active'"_s); !s)
        return s.error();
    if (auto s = store::exec(uow.db(),
                             u"UPDATE risk_rulesets SET status = 'active', shadow = 0, activated_ms = ? WHERE version = ?"_s,
                             {uow.nowMs(), version});
        !s)
        return s.error();
    if (auto s = bumpGeneration(uow); !s)
        return s.error();
    uow.recordChange(u"risk_ruleset"_s, Id{version}, 2, ChangeOp::Updated);
    return ruleSet(uow.db(), version);
}

Result<RuleSetVersion> RiskPolicy::setShadow(store::UnitOfWork& uow, qint64 version, bool shadow)
{
    auto target = ruleSet(uow.db(), version);
    if (!target)
        return target.error();
    if (target->status != u"draft"_s)
        return Error{ErrorCode::IllegalTransition,
                     u"only a draft runs in shadow mode (rule set %1 is %2)"_s.arg(version).arg(target->status),
                     u"version"_s};
    if (shadow) {
        if (auto s = store::exec(uow.db(), u"UPDATE risk_rulesets SET shadow = 0 WHERE shadow = 1"_s); !s)
            return s.error();
    }
    if (auto s = store::exec(uow.db(), u"UPDATE risk_rulesets SET shadow = ? WHERE version = ?"_s,
                             {shadow ? 1 : 0, version});
        !s)
        return s.error();
    if (auto s = bumpGeneration(uow); !s)
        return s.error();
    uow.recordChange(u"risk_ruleset"_s, Id{version}, 2, ChangeOp::Updated);
    return ruleSet(uow.db(), version);
}

Result<QList<RuleSetVersion>> RiskPolicy::ruleSets(QSqlDatabase& db)
{
    auto q = query(db, u"SELECT "_s + RuleSetColumns + u" FROM risk_rulesets ORDER BY version DESC"_s, {},
                   u"reading the rule sets"_s);
    if (!q)
        return q.error();
    QList<RuleSetVersion> out;
    while (q->next())
        out.append(readRuleSet(*q));
    return out;
}

Result<RuleSetVersion> RiskPolicy::ruleSet(QSqlDatabase& db, qint64 version)
{
    auto q = query(db, u"SELECT "_s + RuleSetColumns + u" FROM risk_rulesets WHERE version = ?"_s, {version},
                   u"reading a rule set"_s);
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"version"_s, u"there is no rule set %1"_s.arg(version));
    return readRuleSet(*q);
}

Result<RiskList> RiskPolicy::createList(store::UnitOfWork& uow, const QString& name, const QString& kind,
                                        const QString& description)
{
    static const QRegularExpression valid(u"^[a-z][a-z0-9_]{0,63}$"_s);
    if (!valid.match(name).hasMatch())
        return Error::invalid(u"name"_s, u"a list name is 1 to 64 lower-case letters, digits and '_', starting "
                                         "with a letter (as rules name it: @blocked_emails)"_s);
    if (!listKinds().contains(kind))
        return Error::invalid(u"kind"_s, u"'%1' is not a list kind (%2)"_s.arg(kind.left(40), listKinds().join(u", ")));
    if (description.size() > 500)
        return Error::invalid(u"description"_s, u"at most 500 characters"_s);
    if (findList(uow.db(), name))
        return Error::duplicate(u"name"_s, u"there is already a list @%1"_s.arg(name));
    if (auto s = store::exec(uow.db(),
                             u"INSERT INTO risk_lists (name, kind, description, created_ms, version) VALUES (?, ?, ?, ?, 1)"_s,
                             {name, kind, store::nonNull(description), uow.nowMs()});
        !s)
        return s.error();
    if (auto s = bumpGeneration(uow); !s)
        return s.error();
    return findList(uow.db(), name);
}

Result<int> RiskPolicy::addToList(store::UnitOfWork& uow, const QString& name, const QStringList& values)
{
    auto list = findList(uow.db(), name);
    if (!list)
        return list.error();
    if (values.isEmpty())
        return Error::invalid(u"values"_s, u"no values given"_s);
    if (values.size() > ListValuesMax)
        return Error::invalid(u"values"_s, u"at most %1 values at a time"_s.arg(ListValuesMax));
    QStringList folded;
    for (int i = 0; i < values.size(); ++i) {
        auto v = normalizedValue(list->kind, values[i], i);
        if (!v)
            return v.error(); // nothing added: the first bad value is named
        folded.append(*v);
    }
    return changeEach(uow,
                      u"INSERT INTO risk_list_items (list, value, added_by, added_ms) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (list, value) DO NOTHING"_s,
                      name, folded, u"adding to a risk list"_s);
}

Result<int> RiskPolicy::removeFromList(store::UnitOfWork& uow, const QString& name, const QStringList& values)
{
    if (auto list = findList(uow.db(), name); !list)
        return list.error();
    QStringList folded;
    for (const QString& raw : values)
        folded.append(raw.trimmed().toCaseFolded());
    return changeEach(uow, u"DELETE FROM risk_list_items WHERE list = ? AND value = ?"_s, name, folded,
                      u"removing from a risk list"_s);
}

Result<QList<RiskList>> RiskPolicy::lists(QSqlDatabase& db)
{
    auto q = query(db, ListSelect + u" ORDER BY l.name"_s, {}, u"reading the risk lists"_s);
    if (!q)
        return q.error();
    QList<RiskList> out;
    while (q->next())
        out.append(readList(*q));
    return out;
}

Result<QStringList> RiskPolicy::listValues(QSqlDatabase& db, const QString& name)
{
    if (auto list = findList(db, name); !list)
        return list.error();
    auto q = query(db, u"SELECT value FROM risk_list_items WHERE list = ? ORDER BY value"_s, {name},
                   u"reading a risk list"_s);
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

Result<Lists> RiskPolicy::loadLists(QSqlDatabase& db)
{
    auto names = listNames(db);
    if (!names)
        return names.error();
    QHash<QString, QStringList> values;
    for (const QString& n : *names)
        values.insert(n, {});
    auto q = query(db, u"SELECT list, value FROM risk_list_items"_s, {}, u"reading the risk lists"_s);
    if (!q)
        return q.error();
    while (q->next())
        values[q->value(0).toString()].append(q->value(1).toString());
    Lists lists;
    for (auto it = values.begin(); it != values.end(); ++it)
        lists.set(it.key(), it.value());
    return lists;
}

Result<qint64> RiskPolicy::generation(QSqlDatabase& db)
{
    // read before every payment is judged: a cached statement
    static const QString sql = u"SELECT generation FROM risk_policy WHERE id = 1"_s;
    store::Statement& q = store::Connection::statement(db, sql);
    if (auto s = store::exec(q, u"reading the risk policy's generation"_s); !s)
        return s.error();
    const qint64 g = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return g;
}

const Result<PolicyCache::Policy>& PolicyCache::current(QSqlDatabase& db)
{
    auto generation = RiskPolicy::generation(db);
    if (!generation) {
        m_policy = Result<Policy>(generation.error());
        return *m_policy;
    }
    if (m_policy && *m_policy && (*m_policy)->generation == *generation)
        return *m_policy;
    Policy p;
    p.generation = *generation;
    auto lists = RiskPolicy::loadLists(db);
    if (!lists) {
        m_policy = Result<Policy>(lists.error());
        return *m_policy;
    }
    p.lists = std::move(*lists);
    auto sets = RiskPolicy::ruleSets(db);
    if (!sets) {
        m_policy = Result<Policy>(sets.error());
        return *m_policy;
    }
    const RuleParser parser(p.lists.names());
    for (const RuleSetVersion& v : *sets) {
        const bool isActive = v.status == u"active"_s;
        if (!isActive && !v.shadow)
            continue;
        RuleParseResult parsed = parser.parse(v.text);
        if (!parsed.ok()) {
            // a list the set names was deleted: judge as if the set were absent, and say so once
            qWarning("risk rule set %lld no longer parses: %s", v.version, qPrintable(parsed.error().toString()));
            continue;
        }
        auto rules = std::make_shared<const RuleSet>(parsed.rules());
        if (isActive) {
            p.activeVersion = v.version;
            p.active = std::move(rules);
        } else {
            p.shadowVersion = v.version;
            p.shadow = std::move(rules);
        }
    }
    auto model = RiskModels::active(db);
    if (!model) {
        m_policy = Result<Policy>(model.error());
        return *m_policy;
    }
    if (*model) {
        p.modelVersion = (*model)->first;
        p.model = (*model)->second;
        for (const QString& name : p.model->featureNames())
            p.modelFeatures.push_back(featureIndex(name));
    }
    m_policy = Result<Policy>(std::move(p));
    return *m_policy;
}

} // namespace souk::risk
