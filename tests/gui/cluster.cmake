# the Cluster page against the real soukd (NodeFixture), killed and brought back on its port
souk_add_test(TestClusterPage TestClusterPage.cpp LIBS souk_views souk_client_remote souk_translations
              souk_testsupport_node LABELS gui TIMEOUT 180)
add_dependencies(TestClusterPage soukd soukctl)
set_property(TEST TestClusterPage APPEND PROPERTY ENVIRONMENT
             "SOUK_TEST_SOUKD=$<TARGET_FILE:soukd>" "SOUK_TEST_SOUKCTL=$<TARGET_FILE:soukctl>")
# the console on two real soukd nodes of one PostgreSQL store (label pg), the node it uses killed
souk_add_test(TestConsoleFailover TestConsoleFailover.cpp LIBS souk_views souk_client_remote souk_translations
              souk_testsupport_node LABELS gui pg TIMEOUT 180)
add_dependencies(TestConsoleFailover soukd soukctl)
set_property(TEST TestConsoleFailover APPEND PROPERTY ENVIRONMENT "SOUK_TEST_STORE=postgresql"
             "SOUK_TEST_SOUKD=$<TARGET_FILE:soukd>" "SOUK_TEST_SOUKCTL=$<TARGET_FILE:soukctl>")
