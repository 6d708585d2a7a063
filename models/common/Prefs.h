#pragma once

#include <memory>

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace souk::prefkeys {

/// A setting declared once with its name and default (KeePassXC's config table). Declare new keys
/// next to the feature that owns them; Prefs::get/set accept any Key<T>.
template <typename T> struct Key
{
    QString name;
    T fallback;
};

inline const Key<QByteArray> MainWindowGeometry{QStringLiteral("mainWindow/geometry"), {}};
inline const Key<QByteArray> MainWindowState{QStringLiteral("mainWindow/state"), {}};
/// The id of the page shown last ("catalog").
inline const Key<QString> LastPage{QStringLiteral("mainWindow/lastPage"), QStringLiteral("catalog")};
/// "light" or "dark".
inline const Key<QString> UiPalette{QStringLiteral("ui/palette"), QStringLiteral("light")};
inline const Key<QByteArray> CatalogHeaderState{QStringLiteral("catalog/headerState"), {}};
/// Rows per page when the catalog table loads products (the client caps it at PageRowsMax).
inline const Key<int> CatalogPageRows{QStringLiteral("catalog/pageRows"), 1000};
inline const Key<QByteArray> OrdersHeaderState{QStringLiteral("orders/headerState"), {}};
inline const Key<int> OrdersPageRows{QStringLiteral("orders/pageRows"), 500};

} // namespace souk::prefkeys

namespace souk {

/// UI state only (geometry, header state, last page, palette), in one QSettings. Tests pass an ini
/// path inside a QTemporaryDir so they never touch the user's settings. Owned by app/; GUI thread.
class Prefs final
{
    Q_DISABLE_COPY_MOVE(Prefs)
public:
    /// An empty path means the user's settings (organization "Souk", application "souk", ini format).
    explicit Prefs(const QString& iniPath = {});
    ~Prefs();

    template <typename T> T get(const prefkeys::Key<T>& key) const
    {
        const QVariant value = m_settings->value(key.name);
        if (!value.isValid() || !value.canConvert<T>())
            return key.fallback;
        return value.value<T>();
    }

    template <typename T> void set(const prefkeys::Key<T>& key, const T& value)
    {
        m_settings->setValue(key.name, QVariant::fromValue(value));
    }

    template <typename T> void reset(const prefkeys::Key<T>& key) { m_settings->remove(key.name); }

    /// Writes pending changes to disk (QSettings also does this on its own, later).
    void sync();
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace souk
