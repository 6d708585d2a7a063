# backend/api/metrics: the Prometheus registry. TestMetricsPromtool needs promtool (Debian's
# prometheus package) and fails, never skips, without it.
souk_add_test(TestMetrics TestMetrics.cpp LIBS souk_metrics LABELS unit api)
souk_add_test(TestMetricsPromtool TestMetricsPromtool.cpp LIBS souk_metrics LABELS unit api)
