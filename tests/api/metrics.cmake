# backend/api/metrics: the Prometheus registry. TestMetricsPromtool needs promtool (Debian's
# prometheus package) and fails, never skips, without it.
souk_add_test(TestMetrics TestMetrics.cpp LIBS souk_metrics LABELS unit api)
souk_add_test(TestMetricsPromtool TestMetricsPromtool.cpp LIBS souk_metrics LABELS unit api)
# The engine's series in /metrics (backend/api/metrics/EngineMetrics): in process on a store
# (TestEngineMetrics) and in the real soukd's scrape (TestNodeMetricsEngine, on NodeFixture: see
# node_api.cmake). Both run promtool too.
souk_add_test(TestEngineMetrics TestEngineMetrics.cpp LIBS souk_engine_metrics souk_testsupport_store LABELS unit api)
souk_add_test(TestNodeMetricsEngine TestNodeMetricsEngine.cpp LIBS souk_testsupport_node LABELS api TIMEOUT 120)
add_dependencies(TestNodeMetricsEngine soukd soukctl)
set_property(TEST TestNodeMetricsEngine APPEND PROPERTY ENVIRONMENT
             "SOUK_TEST_SOUKD=$<TARGET_FILE:soukd>" "SOUK_TEST_SOUKCTL=$<TARGET_FILE:soukctl>")
