#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace souk::metrics {

/// One labelled child of a family (a Counter, Gauge or Histogram). Owned by its family, which
/// never deletes it before the registry goes: a reference to it stays valid that long.
class Series
{
public:
    virtual ~Series() = default;
    Q_DISABLE_COPY_MOVE(Series)

protected:
    Series() = default;

private:
    friend class Family;
    /// Appends this series' sample lines; `labels` are the family's pairs, already escaped.
    /// Called with the family's lock held.
    virtual void appendSamples(QByteArray& out, QByteArrayView name, QByteArrayView labels) const = 0;
};

} // namespace souk::metrics
