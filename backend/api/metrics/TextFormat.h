#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace souk::metrics::text {

/// A sample value as Prometheus parses it: whole numbers without an exponent ("1234"), "+Inf",
/// "-Inf", "NaN", anything else in the shortest form that reads back to the same double.
QByteArray formatValue(double value);
/// A count, always exact.
QByteArray formatCount(quint64 value);
/// A label value for inside double quotes, in UTF-8: backslash, double quote and line feed escaped.
QByteArray escapeLabelValue(QStringView value);
/// HELP text: backslash and line feed escaped (a quote needs no escape there).
QByteArray escapeHelp(QStringView help);
/// `a="x",b="y"`, in the order of `names`; empty for no labels.
QByteArray labelPairs(const QStringList& names, const QStringList& values);
/// Appends `name suffix{labels} value\n`, braces left out when there are no labels.
void appendSample(QByteArray& out, QByteArrayView name, QByteArrayView suffix, QByteArrayView labels,
                  QByteArrayView value);

} // namespace souk::metrics::text
