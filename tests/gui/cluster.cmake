# the Cluster page against the real soukd (NodeFixture), killed and brought back on its port
souk_add_test(TestClusterPage TestClusterPage.cpp LIBS souk_views souk_client_remote souk_translations
              souk_testsupport_node LABELS gui TIMEOUT 180)
add_dependencies(TestClusterPage soukd soukctl)
set_property(TEST TestClusterPage APPEND PROPERTY ENVIRONMENT
             "SOUK_TEST_SOUKD=$<TARGET_FILE:soukd>" "SOUK_TEST_SOUKCTL=$<TARGET_FILE:soukctl>")
