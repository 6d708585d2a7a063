#include "backend/catalog/ProblemText.h"

namespace souk::catalog {

QString ProblemText::english() const
{
    return source == nullptr ? QString() : fill(QString::fromUtf8(source), args);
}

QString ProblemText::fill(const QString& pattern, const QStringList& args)
{
    QString out;
    out.reserve(pattern.size() + 16 * args.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'%' && i + 1 < pattern.size()) {
            const int n = pattern[i + 1].digitValue();
            if (n >= 1 && n <= args.size()) {
                out += args[n - 1];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace souk::catalog
