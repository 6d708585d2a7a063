#include "backend/api/schema/Json.h"

#include <QJsonDocument>

#include <limits>

using namespace Qt::StringLiterals;

namespace souk::api {
namespace {

/// An integer from JSON: a number with no fraction within int64, or (from text) its digits.
Status integer(const QJsonValue& j, qint64& out, const QString& path, Source source)
{
    if (source == Source::Text && j.isString()) {
        bool ok = false;
        const qint64 v = j.toString().toLongLong(&ok);
        if (!ok)
            return typeError(path, u"an integer"_s);
        out = v;
        return {};
    }
    if (!j.isDouble())
        return typeError(path, u"an integer"_s);
    // Qt keeps integers of a JSON text exactly when they fit in 64 bits; a fraction or an
    // exponent arrives as a double
    const qint64 v = j.toInteger(std::numeric_limits<qint64>::min());
    if (v == std::numeric_limits<qint64>::min() || static_cast<double>(v) != j.toDouble())
        return Error::invalid(path, u"must be an integer between -2^63 and 2^63-1"_s);
    out = v;
    return {};
}

} // namespace

Error typeError(const QString& path, const QString& expected)
{
    return Error::invalid(path, u"must be %1"_s.arg(expected));
}

Status Json<QString>::decode(const QJsonValue& j, QString& out, const QString& path, Source)
{
    if (!j.isString())
        return typeError(path, u"a string"_s);
    out = j.toString();
    return {};
}

Status Json<QByteArray>::decode(const QJsonValue& j, QByteArray& out, const QString& path, Source)
{
    if (!j.isString())
        return typeError(path, u"a string"_s);
    out = j.toString().toUtf8();
    return {};
}

Status Json<bool>::decode(const QJsonValue& j, bool& out, const QString& path, Source source)
{
    if (source == Source::Text && j.isString() && (j.toString() == u"true"_s || j.toString() == u"false"_s)) {
        out = j.toString() == u"true"_s;
        return {};
    }
    if (!j.isBool())
        return typeError(path, u"true or false"_s);
    out = j.toBool();
    return {};
}

Status Json<qint64>::decode(const QJsonValue& j, qint64& out, const QString& path, Source source)
{
    return integer(j, out, path, source);
}

Status Json<int>::decode(const QJsonValue& j, int& out, const QString& path, Source source)
{
    qint64 v = 0;
    if (auto s = integer(j, v, path, source); !s)
        return s;
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        return Error::invalid(path, u"must be between -2147483648 and 2147483647"_s);
    out = static_cast<int>(v);
    return {};
}

Status Json<Id>::decode(const QJsonValue& j, Id& out, const QString& path, Source)
{
    if (j.isNull()) {
        out = Id{};
        return {};
    }
    if (!j.isString())
        return typeError(path, u"an id: a string of digits"_s);
    const QString text = j.toString();
    bool digits = !text.isEmpty() && text.size() <= 19;
    for (QChar c : text)
        digits = digits && c.isDigit() && c.unicode() < 128;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!digits || !ok || v <= 0)
        return Error::invalid(path, u"must be an id: a string of digits"_s);
    out = Id{v};
    return {};
}

QJsonObject Json<Id>::schema(Components&)
{
    return {{u"type"_s, QJsonArray{u"string"_s, u"null"_s}}, {u"pattern"_s, u"^[1-9][0-9]{0,18}$"_s},
            {u"examples"_s, QJsonArray{u"7393829471029248"_s}}};
}

QJsonValue Json<QMap<QString, qint64>>::encode(const QMap<QString, qint64>& v)
{
    QJsonObject out;
    for (auto it = v.begin(); it != v.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

Status Json<QMap<QString, qint64>>::decode(const QJsonValue& j, QMap<QString, qint64>& out, const QString& path,
                                           Source source)
{
    if (!j.isObject())
        return typeError(path, u"an object of amounts by currency"_s);
    const QJsonObject o = j.toObject();
    if (o.size() > 200)
        return Error::invalid(path, u"at most 200 currencies"_s);
    out.clear();
    for (auto it = o.begin(); it != o.end(); ++it) {
        qint64 v = 0;
        if (auto s = integer(it.value(), v, fieldPath(path, it.key()), source); !s)
            return s;
        out.insert(it.key(), v);
    }
    return {};
}

QJsonObject Json<QMap<QString, qint64>>::schema(Components&)
{
    return {{u"type"_s, u"object"_s},
            {u"additionalProperties"_s, QJsonObject{{u"type"_s, u"integer"_s}, {u"format"_s, u"int64"_s}}},
            {u"description"_s, u"Amounts in minor units by ISO 4217 currency code"_s}};
}

} // namespace souk::api

namespace souk::api {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_first.isEmpty())
        return;
    if (m_first.last())
        m_first.last() = false;
    else
        m_out.append(',');
}

void JsonWriter::open(char c)
{
    separate();
    m_out.append(c);
    m_first.append(true);
}

void JsonWriter::close(char c)
{
    m_first.removeLast();
    m_out.append(c);
}

void JsonWriter::key(const QString& name)
{
    separate();
    string(name);
    m_out.append(':');
    m_afterKey = true;
}

void JsonWriter::null()
{
    separate();
    m_out.append("null");
}

void JsonWriter::value(bool v)
{
    separate();
    m_out.append(v ? "true" : "false");
}

void JsonWriter::value(qint64 v)
{
    separate();
    m_out.append(QByteArray::number(v));
}

void JsonWriter::value(const QString& v)
{
    separate();
    string(v);
}

void JsonWriter::string(const QString& v)
{
    static constexpr char Hex[] = "0123456789abcdef";
    m_out.append('"');
    const QByteArray utf8 = v.toUtf8();
    qsizetype plainFrom = 0;
    const auto flush = [&](qsizetype to) {
        if (to > plainFrom)
            m_out.append(utf8.constData() + plainFrom, to - plainFrom);
    };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        flush(i);
        plainFrom = i + 1;
        switch (c) {
        case '"': m_out.append("\\\""); break;
        case '\\': m_out.append("\\\\"); break;
        case '\b': m_out.append("\\b"); break;
        case '\f': m_out.append("\\f"); break;
        case '\n': m_out.append("\\n"); break;
        case '\r': m_out.append("\\r"); break;
        case '\t': m_out.append("\\t"); break;
        default:
            m_out.append("\\u00");
            m_out.append(Hex[c >> 4]);
            m_out.append(Hex[c & 0xf]);
        }
    }
    flush(utf8.size());
    m_out.append('"');
}

void JsonWriter::value(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return value(v.toBool());
    case QJsonValue::Double: {
        constexpr qint64 NotWhole = std::numeric_limits<qint64>::min();
        if (const qint64 whole = v.toInteger(NotWhole); whole != NotWhole)
            return value(whole);
        // anything else as QJsonDocument writes it
        separate();
        m_out.append(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
        return;
    }
    case QJsonValue::String:
        return value(v.toString());
    case QJsonValue::Array: {
        beginArray();
        for (const QJsonValue& item : v.toArray())
            value(item);
        return endArray();
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            key(it.key());
            value(it.value());
        }
        return endObject();
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return null();
    }
}

} // namespace souk::api
