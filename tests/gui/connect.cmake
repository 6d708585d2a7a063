# the console's link to a node: the connect dialog against the real soukd (NodeFixture), and the
# keychain against a Secret Service of the test's own (a private D-Bus and gnome-keyring)
souk_add_test(TestConnectDialog TestConnectDialog.cpp LIBS souk_connect souk_translations souk_testsupport_node
              souk_testsupport_standin souk_api_node
              LABELS gui TIMEOUT 180)
add_dependencies(TestConnectDialog soukd soukctl)
set_property(TEST TestConnectDialog APPEND PROPERTY ENVIRONMENT
             "SOUK_TEST_SOUKD=$<TARGET_FILE:soukd>" "SOUK_TEST_SOUKCTL=$<TARGET_FILE:soukctl>")
find_package(Qt6 REQUIRED COMPONENTS DBus) # to see when the test's keyring has its name on the bus
souk_add_test(TestKeychainSecretStore TestKeychainSecretStore.cpp LIBS souk_connect Qt6::DBus LABELS gui TIMEOUT 60)
