#pragma once

#include <QImage>
#include <QString>

#include "backend/core/Result.h"

namespace souk {

/// A QR code as an image an authenticator app can scan: one pixel per module, black on white
/// (also in a dark theme: scanners expect it), with the quiet zone the standard asks around it.
/// Views scale it by whole numbers without smoothing, so every module stays a sharp square.
/// Stateless; any thread.
class QrImage final
{
public:
    QrImage() = delete;

    /// Modules of white around the code (ISO/IEC 18004 asks for 4).
    static constexpr int QuietZoneModules = 4;

    /// `text` (an otpauth:// URI) as a QR code image; fails when the text is too long for one.
    static Result<QImage> render(const QString& text, int quietZoneModules = QuietZoneModules);
};

} // namespace souk
