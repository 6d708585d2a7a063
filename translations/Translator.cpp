#include "translations/Translator.h"

#include <QCoreApplication>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace souk {

bool loadTranslation(QTranslator& translator, const QLocale& locale)
{
    const QString dir = u":/i18n"_s;
    return translator.load(locale, u"souk"_s, u"_"_s, dir) ||
           translator.load(QLocale(QLocale::English), u"souk"_s, u"_"_s, dir);
}

bool installTranslator(const QLocale& locale)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!loadTranslation(*translator, locale)) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace souk
