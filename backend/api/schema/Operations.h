#pragma once

#include <QByteArray>
#include <QFuture>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>

#include <any>
#include <functional>

#include "backend/api/schema/Json.h"
#include "backend/auth/Operation.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"

namespace souk::api {

/// Where a parameter travels.
enum class In
{
    Path,
    Query,
    Body, ///< a member of the JSON object that is the request's body
};

/// An operation's decoded parameters, in the order the table declares them.
struct Args
{
    QList<std::any> values;
    template <typename T>
    const T& at(qsizetype i) const
    {
        return *std::any_cast<T>(&values.at(i));
    }
};

struct ParamSpec
{
    QString name;
    In in = In::Body;
    QString description;
    bool required = true;
    std::function<Status(const QJsonValue&, std::any&, const QString& path, Source)> decode;
    std::function<QJsonObject(Components&)> schema;
};

/// A result as the node answers it: its JSON already written, with its ETag; or, for a list the
/// node pages, its JSON value (paging needs the items).
struct Reply
{
    QByteArray body;
    QJsonValue value; ///< for paged lists only
    std::optional<qint64> etag;
};
/// What the node answers: the reply, or the engine's error.
using Answer = std::function<void(Result<Reply>)>;

/// One Client operation on the network, declared once (ARCHITECTURE: One table of operations):
/// the node routes requests by it, RemoteClient builds requests from it, and the OpenAPI
/// document is written from it. Value type; the table is built once and read by any thread.
struct ApiOperation
{
    auth::Operation op;
    QString id;        ///< the operationId: the permission table's name ("cancel_order") unless named()
    QByteArray method; ///< "GET", "POST", "PUT", "DELETE"
    QString path;      ///< "/v1/orders/{order_id}/cancel"
    QString summary;
    QString tag;       ///< the document's group: "Orders"
    bool idempotent = false; ///< takes an Idempotency-Key (every mutation does)
    bool signedIn = true;    ///< false: no Authorization needed (creating a session)
    int successStatus = 200;
    /// A list the node pages with limit and starting_after; the JSON field that is its cursor
    /// ("id"), or empty for a list of strings.
    bool paged = false;
    QString cursorField;
    /// The answer's field (a path: "order.version") that is its ETag, or empty.
    QString etagField;
    /// The body's field (a path: "product.version") an If-Match header stands for: the version
    /// the update expects, answered 412 when the object has moved on. Empty: If-Match refused.
    QString ifMatchField;
    QList<ParamSpec> params;
    std::function<QJsonObject(Components&)> resultSchema;
    std::function<void(Client&, const Args&, const QString& idempotencyKey, QObject* context, Answer)> serve;
};

/// Every operation of the API, in the order the document lists them.
const QList<ApiOperation>& apiOperations();
/// The operation with this operationId ("get_order"), or null.
const ApiOperation* apiOperation(const QString& id);

/// Declares an operation answering an R; the table is in OperationsCatalog.cpp, OperationsCommerce.cpp
/// and OperationsPeople.cpp.
template <typename R>
class OperationBuilder
{
public:
    OperationBuilder(auth::Operation op, QByteArray method, QString path, QString summary, QString tag)
    {
        m_op.op = op;
        m_op.id = auth::operationName(op);
        m_op.method = std::move(method);
        m_op.path = std::move(path);
        m_op.summary = std::move(summary);
        m_op.tag = std::move(tag);
        m_op.idempotent = auth::specOf(op).mutation;
        m_op.resultSchema = [](Components& c) { return Json<R>::schema(c); };
    }

    template <typename P>
    OperationBuilder& param(const QString& name, In in, const QString& description, bool required = true)
    {
        ParamSpec p{name, in, description, required, {}, {}};
        p.decode = [](const QJsonValue& j, std::any& out, const QString& path, Source source) -> Status {
            P value{};
            if (!j.isUndefined())
                if (auto s = Json<P>::decode(j, value, path, source); !s)
                    return s;
            out = std::move(value);
            return {};
        };
        p.schema = [](Components& c) { return Json<P>::schema(c); };
        m_op.params.append(std::move(p));
        return *this;
    }
    OperationBuilder& status(int code)
    {
        m_op.successStatus = code;
        return *this;
    }
    OperationBuilder& paged(const QString& cursorField)
    {
        m_op.paged = true;
        m_op.cursorField = cursorField;
        return *this;
    }
    OperationBuilder& etag(const QString& field)
    {
        m_op.etagField = field;
        return *this;
    }
    OperationBuilder& ifMatch(const QString& bodyField)
    {
        m_op.ifMatchField = bodyField;
        return *this;
    }
    /// The operationId, where one permission covers two operations (read_orders: list_orders, get_order).
    OperationBuilder& named(const QString& id)
    {
        m_op.id = id;
        return *this;
    }
    OperationBuilder& withoutSignIn()
    {
        m_op.signedIn = false;
        return *this;
    }

    /// `call(Client&, const Args&, const QString& key)` returns the Client's QFuture<Result<R>>.
    template <typename Call>
    ApiOperation serve(Call call)
    {
        const bool paged = m_op.paged;
        const QString etagField = m_op.etagField;
        const auto reply = [paged, etagField](const Result<R>& r) -> Result<Reply> {
            if (!r)
                return r.error();
            Reply out;
            if (paged) {
                out.value = Json<R>::encode(*r);
                return out;
            }
            JsonWriter w(out.body);
            jsonWrite(w, *r);
            if (!etagField.isEmpty())
                if (const QJsonValue version = jsonAt(*r, etagField); version.isDouble())
                    out.etag = version.toInteger();
            return out;
        };
        // a read's answer is written on the reader thread that finished it, in parallel, so the
        // node's own thread only hands bytes on; a command's on the node's thread, never the writer's
        const bool onReader = m_op.method == "GET";
        m_op.serve = [call, reply, onReader](Client& client, const Args& args, const QString& key, QObject* context,
                                             Answer answer) {
            QFuture<Result<R>> future = call(client, args, key);
            if (onReader)
                onReady(future.then(reply), context, answer);
            else
                onReady(future, context, [answer, reply](const Result<R>& r) { answer(reply(r)); });
        };
        return m_op;
    }

private:
    ApiOperation m_op;
};

} // namespace souk::api
