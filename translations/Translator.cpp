#include "translations/Translator.h"

#include <QCoreApplication>
#include <QPointer>
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
    // the one installed before goes: souk_en.qm holds only plural forms, so a Chinese
    // translator left below it would still answer every other text
    static QPointer<QTranslator> installed;
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!loadTranslation(*translator, locale)) {
        delete translator;
        return false;
    }
    if (installed) {
        QCoreApplication::removeTranslator(installed);
        delete installed;
    }
    installed = translator;
    return QCoreApplication::installTranslator(translator);
}

} // namespace souk
