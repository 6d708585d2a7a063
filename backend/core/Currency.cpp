#include "backend/core/Currency.h"

#include <QFile>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Reads the ISO 4217 table compiled into the binary (backend/core/iso4217.csv).
QList<Currency> loadTable()
{
    QList<Currency> table;
    QFile file(u":/souk/core/iso4217.csv"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("ISO 4217 table missing from resources: the build is broken");
    file.readLine(); // header
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const QStringList parts = line.split(u',');
        if (parts.size() < 4)
            continue;
        table.append(Currency{parts[0], parts[1].toInt(), parts[2].toInt(), parts.mid(3).join(u',')});
    }
    std::sort(table.begin(), table.end(), [](const Currency& a, const Currency& b) { return a.code < b.code; });
    return table;
}

const QHash<QString, int>& indexByCode()
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        const auto& table = Currency::all();
        for (int i = 0; i < table.size(); ++i)
            h.insert(table[i].code, i);
        return h;
    }();
    return index;
}

} // namespace

qint64 Currency::minorPerMajor() const
{
    qint64 factor = 1;
    for (int i = 0; i < exponent; ++i)
        factor *= 10;
    return factor;
}

const QList<Currency>& Currency::all()
{
    static const QList<Currency> table = loadTable();
    return table;
}

Result<Currency> Currency::find(QStringView code, const QString& field)
{
    const auto& index = indexByCode();
    const auto it = index.constFind(code.toString());
    if (it == index.constEnd())
        return Error::invalid(field, u"unknown currency code: "_s + code.left(12).toString());
    return all().at(*it);
}

} // namespace souk
