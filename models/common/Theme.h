#pragma once

#include <QColor>
#include <QPalette>

namespace souk::theme {

/// What a colour says: a failure, a caution (low stock), a success, a neutral note.
enum class Tone
{
    Error,
    Warning,
    Success,
    Info,
};

/// A tinted surface (the message bar, an invalid grid cell) and the text on it.
struct Tint
{
    QColor background;
    QColor border;
    QColor text;
};

/// The contrast WCAG 2 asks of body text, and what these colours always reach.
constexpr double TextContrastMin = 4.5;

/// The console's dark palette (View → Dark). The light one is the style's standard palette.
QPalette darkPalette();
/// The application's palette (models colour their cells with it when asked, so a view repainting
/// after a palette change gets the new colours), or a light one when no QGuiApplication exists
/// (model tests run without one). GUI thread.
QPalette applicationPalette();
/// True when `palette`'s window is dark (the dark palette, or a dark desktop theme).
bool isDark(const QPalette& palette);
/// WCAG 2 relative luminance, 0 (black) .. 1 (white).
double luminance(const QColor& colour);
/// WCAG 2 contrast ratio of two colours, 1 .. 21.
double contrastRatio(const QColor& a, const QColor& b);

/// The tinted surface for `tone` on `palette`: pale in a light palette, deep in a dark one, with
/// text at TextContrastMin or more on it. Pure; any thread.
Tint tint(Tone tone, const QPalette& palette);
/// Text in `tone` on the palette's window and base (inline field errors, low stock): at
/// TextContrastMin or more on both. Pure; any thread.
QColor text(Tone tone, const QPalette& palette);

} // namespace souk::theme
