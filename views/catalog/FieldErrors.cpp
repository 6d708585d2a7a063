#include "views/catalog/FieldErrors.h"

#include <QLabel>
#include <QWidget>

#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {

QLabel* FieldErrors::add(const QString& name, QWidget* field)
{
    auto* label = new QLabel(field->parentWidget());
    label->setObjectName(name + u"Error"_s);
    setToneText(label, theme::Tone::Error);
    label->setWordWrap(true);
    label->setBuddy(field);
    label->hide();
    m_labels.insert(name, label);
    m_fields.insert(name, field);
    return label;
}

bool FieldErrors::show(const QString& name, const QString& text, const QString& toolTip)
{
    QLabel* label = m_labels.value(name);
    if (!label)
        return false;
    label->setText(text);
    label->setToolTip(toolTip);
    label->show();
    if (QWidget* field = m_fields.value(name)) {
        field->setAccessibleDescription(text);
        field->setFocus(Qt::OtherFocusReason);
    }
    return true;
}

void FieldErrors::clear()
{
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        it.value()->hide();
        it.value()->clear();
        if (QWidget* field = m_fields.value(it.key()))
            field->setAccessibleDescription({});
    }
}

} // namespace souk
