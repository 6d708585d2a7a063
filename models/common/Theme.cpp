#include "models/common/Theme.h"

#include <QGuiApplication>
#include <QtMath>

#include <algorithm>

namespace souk::theme {
namespace {

struct ToneColours
{
    QRgb background;
    QRgb border;
    QRgb onTint;   ///< text on `background`
    QRgb onWindow; ///< text on the window and base
};

/// Hand-picked per tone, light then dark. The light set is the bar's long-standing look; the dark
/// set keeps its hues at the same contrast on the dark window (checked in tests, and by
/// readable() at run time against whatever palette is active).
ToneColours coloursOf(Tone tone, bool dark)
{
    switch (tone) {
    case Tone::Error:
        return dark ? ToneColours{0x4a2326, 0xa5585b, 0xffdad6, 0xf2b8b5}
                    : ToneColours{0xfdecea, 0xe0a8a3, 0x5f1410, 0xb3261e};
    case Tone::Warning:
        return dark ? ToneColours{0x45351b, 0xa07a35, 0xffe2b8, 0xf0b060}
                    : ToneColours{0xfff3dc, 0xe4bf7a, 0x5c3800, 0x9a4f00};
    case Tone::Success:
        return dark ? ToneColours{0x1f3b28, 0x4e8c5f, 0xc8f0d2, 0x8fd19e}
                    : ToneColours{0xe7f5ea, 0x9fd1ab, 0x173f22, 0x1e6b34};
    case Tone::Info:
        break;
    }
    return dark ? ToneColours{0x1d3450, 0x4f7db2, 0xd6e6fb, 0x9cc3f5}
                : ToneColours{0xe6f0fb, 0xa8c6ea, 0x123456, 0x1c4f8a};
}

double channel(int value)
{
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : qPow((c + 0.055) / 1.055, 2.4);
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

/// `wanted`, or the first step from it towards `fallback` that reads on every background: a
/// desktop palette we did not pick must not make the text unreadable.
QColor readable(const QColor& wanted, std::initializer_list<QColor> backgrounds, const QColor& fallback)
{
    for (int step = 0; step <= 10; ++step) {
        const QColor c = mix(wanted, fallback, step / 10.0);
        const bool ok = std::all_of(backgrounds.begin(), backgrounds.end(),
                                    [&c](const QColor& bg) { return contrastRatio(c, bg) >= TextContrastMin; });
        if (ok)
            return c;
    }
    return fallback;
}

} // namespace

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabled(0x80, 0x84, 0x8a);
    const QColor placeholder(0x9a, 0xa0, 0xa6); // hints and captions are read, unlike disabled text: 4.5:1
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, placeholder);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    // the bevel shades, which the style would otherwise take from the light palette
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x38, 0x3a, 0x3f));
    p.setColor(QPalette::Mid, QColor(0x22, 0x24, 0x27));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x0d, 0x0e, 0x10));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc7)); // white on it reads at 4.5:1
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette applicationPalette()
{
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr)
        return QPalette(QColor(0xef, 0xef, 0xef));
    return QGuiApplication::palette();
}

bool isDark(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Window)) < 0.2;
}

double luminance(const QColor& colour)
{
    const QColor c = colour.toRgb();
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Tint tint(Tone tone, const QPalette& palette)
{
    const bool dark = isDark(palette);
    const ToneColours c = coloursOf(tone, dark);
    const QColor background(c.background);
    const QColor fallback = dark ? QColor(Qt::white) : QColor(Qt::black);
    return {background, QColor(c.border), readable(QColor(c.onTint), {background}, fallback)};
}

QColor text(Tone tone, const QPalette& palette)
{
    const bool dark = isDark(palette);
    const QColor fallback = palette.color(QPalette::WindowText);
    return readable(QColor(coloursOf(tone, dark).onWindow),
                    {palette.color(QPalette::Window), palette.color(QPalette::Base)}, fallback);
}

} // namespace souk::theme
