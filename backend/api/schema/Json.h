#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "backend/core/Id.h"
#include "backend/core/Result.h"

namespace souk::api {

/// Where a value arrives from: a JSON body, or the text of a path segment or query parameter
/// (where "42" and "true" stand for a number and a boolean).
enum class Source
{
    Json,   ///< a request's body: strict, answered-only fields are unknown
    Text,   ///< a path segment or query parameter
    Answer, ///< a node's answer (RemoteClient): every field read, unknown ones ignored
};

/// The OpenAPI components the schemas of named objects are collected into while the document
/// is written; a schema that names an object refers to it with $ref.
struct Components
{
    QJsonObject schemas;
};

/// The one JSON form of a type: encode, decode (strictly: wrong types, numbers out of range,
/// unknown fields fail with an Error naming the field's path, "lines[2].quantity") and the JSON
/// Schema the OpenAPI document shows. Specialised below for scalars and containers, by
/// Object<T> for structs, and by EnumNames<E> for enums. Pure; any thread.
template <typename T, typename = void>
struct Json;

/// A field path for errors: "order" + "lines" -> "order.lines".
inline QString fieldPath(const QString& parent, const QString& name)
{
    return parent.isEmpty() ? name : parent + u'.' + name;
}

Error typeError(const QString& path, const QString& expected);

/// Writes compact JSON straight into bytes, for answers: the same text QJsonDocument writes
/// for the same value (objects' keys in QJsonObject's sorted order), without building the
/// QJsonValue tree first, which cost a node most of an order's answer. Not thread-safe; one
/// answer at a time.
class JsonWriter final
{
public:
    explicit JsonWriter(QByteArray& out) : m_out(out) {}

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    /// The next member's name; its value follows.
    void key(const QString& name);
    void null();
    void value(bool v);
    void value(qint64 v);
    void value(const QString& v);
    /// Any value, written as QJsonDocument would (the slow path, for computed fields).
    void value(const QJsonValue& v);

private:
    void separate();
    void open(char c);
    void close(char c);
    void string(const QString& v);

    QByteArray& m_out;
    QList<bool> m_first; ///< per open container: nothing written in it yet
    bool m_afterKey = false;
};

/// Writes `v` as Json<T> encodes it: through Json<T>::write where the type has one, otherwise
/// through its QJsonValue.
template <typename T>
void jsonWrite(JsonWriter& w, const T& v);

/// The value at `path` ("order.version") of what Json<T> encodes `v` to, without encoding the
/// rest; Undefined when there is none.
template <typename T>
QJsonValue jsonAt(const T& v, QStringView path);

template <>
struct Json<QString>
{
    static QJsonValue encode(const QString& v) { return v; }
    static void write(JsonWriter& w, const QString& v) { w.value(v); }
    static Status decode(const QJsonValue& j, QString& out, const QString& path, Source);
    static QJsonObject schema(Components&) { return {{QStringLiteral("type"), QStringLiteral("string")}}; }
};

template <>
struct Json<QByteArray>
{
    static QJsonValue encode(const QByteArray& v) { return QString::fromUtf8(v); }
    static void write(JsonWriter& w, const QByteArray& v) { w.value(QString::fromUtf8(v)); }
    static Status decode(const QJsonValue& j, QByteArray& out, const QString& path, Source);
    static QJsonObject schema(Components&) { return {{QStringLiteral("type"), QStringLiteral("string")}}; }
};

template <>
struct Json<bool>
{
    static QJsonValue encode(bool v) { return v; }
    static void write(JsonWriter& w, bool v) { w.value(v); }
    static Status decode(const QJsonValue& j, bool& out, const QString& path, Source source);
    static QJsonObject schema(Components&) { return {{QStringLiteral("type"), QStringLiteral("boolean")}}; }
};

template <>
struct Json<qint64>
{
    static QJsonValue encode(qint64 v) { return v; }
    static void write(JsonWriter& w, qint64 v) { w.value(v); }
    static Status decode(const QJsonValue& j, qint64& out, const QString& path, Source source);
    static QJsonObject schema(Components&)
    {
        return {{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("format"), QStringLiteral("int64")}};
    }
};

template <>
struct Json<int>
{
    static QJsonValue encode(int v) { return v; }
    static void write(JsonWriter& w, int v) { w.value(qint64(v)); }
    static Status decode(const QJsonValue& j, int& out, const QString& path, Source source);
    static QJsonObject schema(Components&)
    {
        return {{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("format"), QStringLiteral("int32")}};
    }
};

/// Ids travel as decimal strings (JavaScript numbers lose precision past 2^53); a null id as null.
template <>
struct Json<Id>
{
    static QJsonValue encode(Id v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); }
    static void write(JsonWriter& w, Id v) { v.isNull() ? w.null() : w.value(v.toString()); }
    static Status decode(const QJsonValue& j, Id& out, const QString& path, Source source);
    static QJsonObject schema(Components&);
};

template <typename T>
struct Json<std::optional<T>>
{
    static QJsonValue encode(const std::optional<T>& v) { return v ? Json<T>::encode(*v) : QJsonValue(); }
    static void write(JsonWriter& w, const std::optional<T>& v) { v ? jsonWrite(w, *v) : w.null(); }
    static Status decode(const QJsonValue& j, std::optional<T>& out, const QString& path, Source source)
    {
        if (j.isNull() || j.isUndefined()) {
            out.reset();
            return {};
        }
        T value{};
        if (auto s = Json<T>::decode(j, value, path, source); !s)
            return s;
        out = std::move(value);
        return {};
    }
    static QJsonObject schema(Components& c) { return Json<T>::schema(c); }
};

template <typename T>
struct Json<QList<T>>
{
    static constexpr int MaxItems = 10'000; ///< a list in a query string: "1,2,3"
    static QJsonValue encode(const QList<T>& v)
    {
        QJsonArray out;
        for (const T& item : v)
            out.append(Json<T>::encode(item));
        return out;
    }
    static void write(JsonWriter& w, const QList<T>& v)
    {
        w.beginArray();
        for (const T& item : v)
            jsonWrite(w, item);
        w.endArray();
    }
    static Status decode(const QJsonValue& j, QList<T>& out, const QString& path, Source source)
    {
        if (source == Source::Text && j.isString()) { // "1,2,3" in a query
            QJsonArray parts;
            for (const QString& part : j.toString().split(u',', Qt::SkipEmptyParts))
                parts.append(part);
            return decode(parts, out, path, source);
        }
        if (!j.isArray())
            return typeError(path, QStringLiteral("an array"));
        const QJsonArray array = j.toArray();
        // a list in a query is bounded here; one in a body by the body's byte limit (1 MiB, or
        // max_import_bytes for a catalog's import plan, which is as long as the catalog), and a
        // pinned node's answer by what the client reads
        if (source == Source::Text && array.size() > MaxItems)
            return Error::invalid(path, QStringLiteral("at most %1 items").arg(MaxItems));
        out.clear();
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            T item{};
            if (auto s = Json<T>::decode(array.at(i), item, path + u'[' + QString::number(i) + u']', source); !s)
                return s;
            out.append(std::move(item));
        }
        return {};
    }
    static QJsonObject schema(Components& c)
    {
        return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), Json<T>::schema(c)}};
    }
};

/// Amounts by currency code ({"EUR": 1250}).
template <>
struct Json<QMap<QString, qint64>>
{
    static QJsonValue encode(const QMap<QString, qint64>& v);
    static Status decode(const QJsonValue& j, QMap<QString, qint64>& out, const QString& path, Source);
    static QJsonObject schema(Components& c);
};

/// An enum's stable names ("pending", "paid"): specialise with a `static const QList<std::pair<E,
/// QString>>& names()`.
template <typename E>
struct EnumNames;

template <typename E>
struct Json<E, std::enable_if_t<std::is_enum_v<E>>>
{
    static QJsonValue encode(E v)
    {
        for (const auto& [value, name] : EnumNames<E>::names())
            if (value == v)
                return name;
        return QJsonValue();
    }
    static void write(JsonWriter& w, E v)
    {
        for (const auto& [value, name] : EnumNames<E>::names())
            if (value == v)
                return w.value(name);
        w.null();
    }
    static Status decode(const QJsonValue& j, E& out, const QString& path, Source)
    {
        QStringList known;
        for (const auto& [value, name] : EnumNames<E>::names()) {
            if (j.isString() && j.toString() == name) {
                out = value;
                return {};
            }
            known << name;
        }
        return Error::invalid(path, QStringLiteral("must be one of: %1").arg(known.join(u", ")));
    }
    static QJsonObject schema(Components&)
    {
        QJsonArray values;
        for (const auto& [value, name] : EnumNames<E>::names())
            values.append(name);
        return {{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("enum"), values}};
    }
};

/// A struct's fields, declared once: specialise Object<T> with `static const ObjectSpec<T>& spec()`.
template <typename T>
struct Object;

template <typename T>
class ObjectSpec
{
public:
    enum Flag
    {
        Required = 0,
        Optional = 1, ///< may be left out of a request (the member keeps its default)
        ReadOnly = 2, ///< answered, never read from a request
    };

    ObjectSpec(QString name, QString description) : m_name(std::move(name)), m_description(std::move(description)) {}

    /// A member with a JSON form of its own.
    template <typename M>
    ObjectSpec& field(const QString& name, M T::*member, const QString& description, int flags = Required)
    {
        Field f{name, description, flags};
        f.encode = [member](const T& t) { return Json<M>::encode(t.*member); };
        f.write = [member](JsonWriter& w, const T& t) { jsonWrite(w, t.*member); };
        f.at = [member](const T& t, QStringView rest) { return jsonAt(t.*member, rest); };
        f.decode = [member](const QJsonValue& j, T& t, const QString& path, Source s) {
            return Json<M>::decode(j, t.*member, path, s);
        };
        f.schema = [](Components& c) { return Json<M>::schema(c); };
        add(std::move(f));
        return *this;
    }

    /// An amount as {"amount_minor": 1250, "currency": "EUR"}, from two members.
    ObjectSpec& money(const QString& name, qint64 T::*minor, QString T::*currency, const QString& description,
                      int flags = ReadOnly)
    {
        Field f{name, description, flags};
        f.encode = [minor, currency](const T& t) {
            return QJsonValue(QJsonObject{{QStringLiteral("amount_minor"), t.*minor},
                                          {QStringLiteral("currency"), t.*currency}});
        };
        f.write = [minor, currency](JsonWriter& w, const T& t) {
            static const QString amountMinor = QStringLiteral("amount_minor"), currencyKey = QStringLiteral("currency");
            w.beginObject();
            w.key(amountMinor);
            w.value(t.*minor);
            w.key(currencyKey);
            w.value(t.*currency);
            w.endObject();
        };
        f.decode = [minor, currency](const QJsonValue& j, T& t, const QString& path, Source s) -> Status {
            if (!j.isObject())
                return typeError(path, QStringLiteral("an object {amount_minor, currency}"));
            const QJsonObject o = j.toObject();
            if (auto st = Json<qint64>::decode(o.value(QStringLiteral("amount_minor")), t.*minor,
                                               fieldPath(path, QStringLiteral("amount_minor")), s);
                !st)
                return st;
            return Json<QString>::decode(o.value(QStringLiteral("currency")), t.*currency,
                                         fieldPath(path, QStringLiteral("currency")), s);
        };
        f.schema = [](Components&) { return QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Money")}}; };
        add(std::move(f));
        return *this;
    }

    /// A value computed from the struct, answered only (e.g. a status's name from two members).
    ObjectSpec& computed(const QString& name, std::function<QJsonValue(const T&)> encode,
                         std::function<QJsonObject(Components&)> schema, const QString& description,
                         std::function<Status(const QJsonValue&, T&, const QString&, Source)> decode = {})
    {
        Field f{name, description, ReadOnly};
        f.write = [encode](JsonWriter& w, const T& t) { w.value(encode(t)); };
        f.encode = std::move(encode);
        f.schema = std::move(schema);
        f.decode = std::move(decode);
        add(std::move(f));
        return *this;
    }

    const QString& name() const { return m_name; }

    QJsonObject encode(const T& t) const
    {
        QJsonObject out;
        for (const Field& f : m_fields)
            out.insert(f.name, f.encode(t));
        return out;
    }

    /// As encode(), straight into bytes: the members in the order QJsonObject keeps them.
    void write(JsonWriter& w, const T& t) const
    {
        w.beginObject();
        for (qsizetype i : m_sorted) {
            const Field& f = m_fields[i];
            w.key(f.name);
            f.write(w, t);
        }
        w.endObject();
    }

    /// The value at `path` below this object ("order.version"), encoding only that member.
    QJsonValue at(const T& t, QStringView path) const
    {
        const qsizetype dot = path.indexOf(u'.');
        const QStringView name = dot < 0 ? path : path.left(dot);
        for (const Field& f : m_fields) {
            if (f.name != name)
                continue;
            if (dot < 0)
                return f.encode(t);
            return f.at ? f.at(t, path.mid(dot + 1)) : QJsonValue(QJsonValue::Undefined);
        }
        return QJsonValue(QJsonValue::Undefined);
    }

    Status decode(const QJsonValue& j, T& out, const QString& path, Source source) const
    {
        if (!j.isObject())
            return typeError(path.isEmpty() ? QStringLiteral("body") : path, QStringLiteral("an object"));
        const QJsonObject o = j.toObject();
        if (source == Source::Answer) // a newer node may answer more: read what is known
            return decodeAnswer(o, out, path);
        for (auto it = o.begin(); it != o.end(); ++it) { // unknown fields are mistakes, not extensions
            bool known = false;
            for (const Field& f : m_fields)
                known = known || (f.name == it.key() && !(f.flags & ReadOnly));
            if (!known)
                return Error::invalid(fieldPath(path, it.key()), QStringLiteral("unknown field"));
        }
        for (const Field& f : m_fields) {
            if (f.flags & ReadOnly)
                continue;
            const QJsonValue v = o.value(f.name);
            if (v.isUndefined()) {
                if (f.flags & Optional)
                    continue;
                return Error::invalid(fieldPath(path, f.name), QStringLiteral("is required"));
            }
            if (auto s = f.decode(v, out, fieldPath(path, f.name), source); !s)
                return s;
        }
        return {};
    }

    /// The component schema, registered once under name(); answers its $ref.
    QJsonObject schema(Components& c) const
    {
        const QString ref = QStringLiteral("#/components/schemas/") + m_name;
        if (c.schemas.contains(m_name))
            return {{QStringLiteral("$ref"), ref}};
        c.schemas.insert(m_name, QJsonObject{}); // a placeholder first: a type may contain itself
        QJsonObject properties;
        QJsonArray required;
        for (const Field& f : m_fields) {
            QJsonObject p = f.schema(c);
            if (p.contains(QStringLiteral("$ref")))
                p = {{QStringLiteral("allOf"), QJsonArray{p}}}; // $ref siblings need allOf in a strict linter
            if (!f.description.isEmpty())
                p.insert(QStringLiteral("description"), f.description);
            if (f.flags & ReadOnly)
                p.insert(QStringLiteral("readOnly"), true);
            properties.insert(f.name, p);
            if (!(f.flags & Optional))
                required.append(f.name);
        }
        QJsonObject out{{QStringLiteral("type"), QStringLiteral("object")},
                        {QStringLiteral("description"), m_description},
                        {QStringLiteral("properties"), properties},
                        {QStringLiteral("additionalProperties"), false}};
        if (!required.isEmpty())
            out.insert(QStringLiteral("required"), required);
        c.schemas.insert(m_name, out);
        return {{QStringLiteral("$ref"), ref}};
    }

private:
    Status decodeAnswer(const QJsonObject& o, T& out, const QString& path) const
    {
        for (const Field& f : m_fields) {
            const QJsonValue v = o.value(f.name);
            if (!f.decode || v.isUndefined())
                continue;
            if (auto s = f.decode(v, out, fieldPath(path, f.name), Source::Answer); !s)
                return s;
        }
        return {};
    }

    struct Field
    {
        QString name;
        QString description;
        int flags = Required;
        std::function<QJsonValue(const T&)> encode;
        std::function<void(JsonWriter&, const T&)> write;
        std::function<QJsonValue(const T&, QStringView)> at; ///< below this member; null for computed ones
        std::function<Status(const QJsonValue&, T&, const QString&, Source)> decode;
        std::function<QJsonObject(Components&)> schema;
    };
    QString m_name;
    QString m_description;
    QList<Field> m_fields;
    QList<qsizetype> m_sorted; ///< m_fields' indexes by name: QJsonObject's order

    void add(Field f)
    {
        const auto at = std::upper_bound(m_sorted.begin(), m_sorted.end(), f.name,
                                         [this](const QString& name, qsizetype i) { return name < m_fields[i].name; });
        m_sorted.insert(at, m_fields.size());
        m_fields.append(std::move(f));
    }
};

template <typename T>
struct Json<T, std::void_t<decltype(Object<T>::spec())>>
{
    static QJsonValue encode(const T& v) { return Object<T>::spec().encode(v); }
    static void write(JsonWriter& w, const T& v) { Object<T>::spec().write(w, v); }
    static QJsonValue at(const T& v, QStringView path) { return Object<T>::spec().at(v, path); }
    static Status decode(const QJsonValue& j, T& out, const QString& path, Source source)
    {
        return Object<T>::spec().decode(j, out, path, source);
    }
    static QJsonObject schema(Components& c) { return Object<T>::spec().schema(c); }
};

template <typename T>
void jsonWrite(JsonWriter& w, const T& v)
{
    if constexpr (requires { Json<T>::write(w, v); })
        Json<T>::write(w, v);
    else
        w.value(Json<T>::encode(v));
}

template <typename T>
QJsonValue jsonAt(const T& v, QStringView path)
{
    if constexpr (requires { Json<T>::at(v, path); })
        return Json<T>::at(v, path);
    else
        return QJsonValue(QJsonValue::Undefined);
}

} // namespace souk::api
