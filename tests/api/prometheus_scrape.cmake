# A real Prometheus server (Debian's prometheus package) scraping the real soukd over HTTPS, read
# back through its query API. Fails, never skips, without the prometheus program.
souk_add_test(TestPrometheusScrape TestPrometheusScrape.cpp LIBS souk_testsupport_node LABELS api TIMEOUT 90)
add_dependencies(TestPrometheusScrape soukd soukctl)
set_property(TEST TestPrometheusScrape APPEND PROPERTY ENVIRONMENT
             "SOUK_TEST_SOUKD=$<TARGET_FILE:soukd>" "SOUK_TEST_SOUKCTL=$<TARGET_FILE:soukctl>")
