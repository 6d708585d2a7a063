#include "models/inventory/InventoryIcons.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include "models/common/Theme.h"

namespace souk::inventory {

namespace {

QPixmap drawWarning(int size, const QColor& fill, const QColor& mark)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    QPainterPath triangle;
    triangle.moveTo(s / 2, s * 0.06);
    triangle.lineTo(s * 0.97, s * 0.92);
    triangle.lineTo(s * 0.03, s * 0.92);
    triangle.closeSubpath();
    painter.fillPath(triangle, fill);
    painter.setPen(QPen(mark, s * 0.12, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(s / 2, s * 0.36), QPointF(s / 2, s * 0.60));
    painter.drawPoint(QPointF(s / 2, s * 0.77));
    return pixmap;
}

QIcon* drawIcon(const QPalette& palette)
{
    // the triangle in the palette's warning text colour (readable on its window), the mark in
    // the window's own colour, so the two always stand apart
    const QColor fill = theme::text(theme::Tone::Warning, palette);
    const QColor mark = palette.color(QPalette::Base);
    auto* icon = new QIcon;
    for (int size : {16, 24, 32, 48})
        icon->addPixmap(drawWarning(size, fill, mark));
    return icon;
}

} // namespace

QIcon lowStockIcon()
{
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr)
        return {};
    const QPalette palette = QGuiApplication::palette();
    // one per kind of palette, drawn once. Never deleted: a static QIcon would free its pixmaps
    // after the application is gone.
    static QIcon* light = nullptr;
    static QIcon* dark = nullptr;
    QIcon*& icon = theme::isDark(palette) ? dark : light;
    if (!icon)
        icon = drawIcon(palette);
    return *icon;
}

} // namespace souk::inventory
