#pragma once

#include "models/common/Theme.h"

class QWidget;

namespace souk {

/// Shows `widget`'s text (a QLabel's, usually) in `tone` (theme::text): readable on its window
/// in the light and the dark palette, and set again whenever the palette changes. Replaces the
/// fixed `color: #…` style sheets that vanished on a dark window. GUI thread.
void setToneText(QWidget* widget, theme::Tone tone);
/// Back to the palette's own text colour.
void clearToneText(QWidget* widget);

} // namespace souk
