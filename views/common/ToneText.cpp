#include "views/common/ToneText.h"

#include <QEvent>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Lives on the widget it colours and sets its text colour again after each palette change.
class ToneFilter final : public QObject
{
    Q_OBJECT
public:
    ToneFilter(QWidget* widget, theme::Tone tone) : QObject(widget), m_widget(widget), m_tone(tone)
    {
        setObjectName(u"toneTextFilter"_s);
        widget->installEventFilter(this);
    }
    void setTone(theme::Tone tone)
    {
        m_tone = tone;
        apply();
    }
    void apply()
    {
        // only WindowText is the widget's own: its window and base are the inherited ones
        const QColor colour = theme::text(m_tone, m_widget->palette());
        if (m_widget->palette().color(QPalette::WindowText) == colour)
            return; // also ends the PaletteChange that setPalette() below sends
        QPalette own;
        own.setColor(QPalette::WindowText, colour);
        m_widget->setPalette(own);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_widget && event->type() == QEvent::PaletteChange)
            apply();
        return false;
    }

private:
    QWidget* m_widget;
    theme::Tone m_tone;
};

ToneFilter* filterOf(QWidget* widget)
{
    return widget->findChild<ToneFilter*>(u"toneTextFilter"_s, Qt::FindDirectChildrenOnly);
}

} // namespace

void setToneText(QWidget* widget, theme::Tone tone)
{
    if (ToneFilter* filter = filterOf(widget)) {
        filter->setTone(tone);
        return;
    }
    (new ToneFilter(widget, tone))->apply();
}

void clearToneText(QWidget* widget)
{
    if (ToneFilter* filter = filterOf(widget)) {
        delete filter;
        widget->setPalette(QPalette());
    }
}

} // namespace souk

#include "ToneText.moc"
