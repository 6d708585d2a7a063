#include "backend/store/RowBatch.h"

#include <QSqlQuery>

#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::store {

void appendJsonString(QString& out, QStringView text)
{
    out += u'"';
    for (QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20) {
            out += u"\\u%1"_s.arg(c.unicode(), 4, 16, QChar(u'0'));
        } else {
            out += c;
        }
    }
    out += u'"';
}

RowBatch::RowBatch(QString table, QStringList columns) : m_table(std::move(table)), m_columns(std::move(columns)) {}

RowBatch& RowBatch::row()
{
    Q_ASSERT(m_rows == 0 || m_valuesInRow == m_columns.size());
    m_json += m_rows == 0 ? u"[["_s : u"],["_s;
    ++m_rows;
    m_valuesInRow = 0;
    return *this;
}

void RowBatch::separate()
{
    if (m_valuesInRow++ > 0)
        m_json += u',';
}

RowBatch& RowBatch::integer(qint64 value)
{
    separate();
    m_json += QString::number(value);
    return *this;
}

RowBatch& RowBatch::text(const QString& value)
{
    separate();
    appendJsonString(m_json, value);
    return *this;
}

RowBatch& RowBatch::optionalInteger(const std::optional<qint64>& value)
{
    separate();
    m_json += value ? QString::number(*value) : u"null"_s;
    return *this;
}

Status RowBatch::flush(QSqlDatabase& db)
{
    if (m_rows == 0)
        return {};
    Q_ASSERT(m_valuesInRow == m_columns.size());
    QStringList values;
    for (int i = 0; i < m_columns.size(); ++i)
        values.append(u"json_extract(value, '$[%1]')"_s.arg(i));
    const QString sql = u"INSERT INTO %1 (%2) SELECT %3 FROM json_each(?) ORDER BY key"_s.arg(
        m_table, m_columns.join(u", "_s), values.join(u", "_s));
    m_json += u"]]"_s;
    QSqlQuery q(db);
    q.prepare(sql);
    q.bindValue(0, m_json);
    m_json.clear();
    m_rows = 0;
    m_valuesInRow = 0;
    return exec(q, u"writing rows to "_s + m_table);
}

} // namespace souk::store
