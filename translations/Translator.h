#pragma once

#include <QLocale>

class QTranslator;

namespace souk {

/// Loads Souk's translation for `locale` into `translator` from :/i18n, where the .qm files of
/// translations/*.ts are embedded (souk_zh_CN.qm, souk_en.qm). A locale without a translation of
/// its own (de_DE, C, ...) gets English: souk_en.qm holds the English plural forms, so
/// tr("%n product(s)", nullptr, n) reads "1 product" and "2 products". False if nothing loaded.
bool loadTranslation(QTranslator& translator, const QLocale& locale);

/// loadTranslation() into a translator owned by the application, installed on it in place of
/// the one this installed before (tests switch languages). Call it once the QCoreApplication
/// exists and before the first widget is created.
bool installTranslator(const QLocale& locale);

} // namespace souk
