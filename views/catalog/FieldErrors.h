#pragma once

#include <QHash>
#include <QString>

class QLabel;
class QWidget;

namespace souk {

/// The red labels beside form fields ("titleError" beside "titleEdit"), keyed by backend field
/// name. Showing an error focuses its field. Owned by the form that creates it; GUI thread.
class FieldErrors final
{
public:
    /// Creates the hidden label "<name>Error" for `field` (parented to `field`'s parent).
    QLabel* add(const QString& name, QWidget* field);
    /// Shows `text` beside the field and focuses it; false when the field is not known here.
    bool show(const QString& name, const QString& text, const QString& toolTip = {});
    void clear();
    bool contains(const QString& name) const { return m_labels.contains(name); }
    QLabel* label(const QString& name) const { return m_labels.value(name); }

private:
    QHash<QString, QLabel*> m_labels;
    QHash<QString, QWidget*> m_fields;
};

} // namespace souk
