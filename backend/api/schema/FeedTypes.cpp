#include "backend/api/schema/FeedTypes.h"

using namespace Qt::StringLiterals;

namespace souk::api {

const QList<std::pair<ChangeOp, QString>>& EnumNames<ChangeOp>::names()
{
    static const QList<std::pair<ChangeOp, QString>> n{
        {ChangeOp::Created, u"created"_s}, {ChangeOp::Updated, u"updated"_s}, {ChangeOp::Deleted, u"deleted"_s}};
    return n;
}

const ObjectSpec<Change>& Object<Change>::spec()
{
    using S = ObjectSpec<Change>;
    static const auto s = S(u"Change"_s, u"One row of the change feed: what changed, not how"_s)
                              .field(u"seq"_s, &Change::seq, u"Its position: the whole feed is ordered by it"_s, S::ReadOnly)
                              .field(u"entity"_s, &Change::entity, u"product, variant, stock, order, payment, ..."_s,
                                     S::ReadOnly)
                              .field(u"id"_s, &Change::id, u"The entity's id"_s, S::ReadOnly)
                              .field(u"version"_s, &Change::version, u"Its version after the change"_s, S::ReadOnly)
                              .field(u"op"_s, &Change::op, u"created, updated or deleted"_s, S::ReadOnly)
                              .field(u"actor"_s, &Change::actor, u"Who changed it: user/role"_s, S::ReadOnly)
                              .field(u"at_ms"_s, &Change::atMs, u"When (ms since epoch)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<ChangePage>& Object<ChangePage>::spec()
{
    using S = ObjectSpec<ChangePage>;
    static const auto s =
        S(u"ChangePage"_s, u"Changes after a position: a long poll's answer, or one message of the stream"_s)
            .field(u"changes"_s, &ChangePage::changes, u"In seq order, only what the caller may see"_s, S::ReadOnly)
            .field(u"next_after"_s, &ChangePage::nextAfter, u"Where the next page starts: ask after=next_after"_s,
                   S::ReadOnly)
            .field(u"resync"_s, &ChangePage::resync,
                   u"The position asked for was pruned: reload what you show, then follow from next_after"_s,
                   S::ReadOnly);
    return s;
}

} // namespace souk::api
