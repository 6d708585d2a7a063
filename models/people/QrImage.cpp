#include "models/people/QrImage.h"

#include <QColor>

#include <algorithm>

#include "backend/auth/Totp.h"

namespace souk {

Result<QImage> QrImage::render(const QString& text, int quietZoneModules)
{
    auto matrix = auth::Totp::qr(text);
    if (!matrix)
        return matrix.error();
    const int quiet = std::max(quietZoneModules, 0);
    const int side = matrix->size + 2 * quiet;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QRgb black = qRgb(0, 0, 0);
    for (int y = 0; y < matrix->size; ++y) {
        for (int x = 0; x < matrix->size; ++x) {
            if (matrix->dark(x, y))
                image.setPixel(x + quiet, y + quiet, black);
        }
    }
    return image;
}

} // namespace souk
