#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include "backend/api/metrics/MetricType.h"

namespace souk::metrics {

/// The text format's grammar for a metric name: [a-zA-Z_:][a-zA-Z0-9_:]*.
bool isValidMetricName(QStringView name);
/// The text format's grammar for a label name: [a-zA-Z_][a-zA-Z0-9_]*.
bool isValidLabelName(QStringView name);

/// Why a family registered with these names would be refused by Prometheus or warned about by
/// `promtool check metrics` (its lint rules, mirrored here so a bad name fails when it is
/// registered, not when an operator scrapes), in English; empty when there is nothing wrong.
QString namingProblem(MetricType type, const QString& name, const QString& help, const QStringList& labelNames);

} // namespace souk::metrics
