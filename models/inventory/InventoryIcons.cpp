#include "models/inventory/InventoryIcons.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace souk::inventory {

namespace {

QPixmap drawWarning(int size)
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
    painter.fillPath(triangle, QColor(0xE0, 0x8A, 0x00));
    painter.setPen(QPen(Qt::white, s * 0.12, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(s / 2, s * 0.36), QPointF(s / 2, s * 0.60));
    painter.drawPoint(QPointF(s / 2, s * 0.77));
    return pixmap;
}

} // namespace

QIcon lowStockIcon()
{
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr)
        return {};
    // Never deleted: a static QIcon would free its pixmaps after the application is gone.
    static const QIcon* icon = [] {
        auto* result = new QIcon;
        for (int size : {16, 24, 32, 48})
            result->addPixmap(drawWarning(size));
        return result;
    }();
    return *icon;
}

} // namespace souk::inventory
