#include "models/common/Prefs.h"

using namespace Qt::StringLiterals;

namespace souk {

Prefs::Prefs(const QString& iniPath)
    : m_settings(iniPath.isEmpty()
                     ? std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, u"Souk"_s, u"souk"_s)
                     : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

Prefs::~Prefs()
{
    m_settings->sync();
}

void Prefs::sync()
{
    m_settings->sync();
}

QString Prefs::fileName() const
{
    return m_settings->fileName();
}

} // namespace souk
