# Sign-in over the network, attacked (wrong password, wrong and replayed TOTP codes, an expired
# session), on the real soukd.
souk_add_test(TestNodeSignIn TestNodeSignIn.cpp LIBS souk_testsupport_node souk_auth Qt6::Sql LABELS api TIMEOUT 120)
add_dependencies(TestNodeSignIn soukd soukctl)
set_property(TEST TestNodeSignIn APPEND PROPERTY ENVIRONMENT
             "SOUK_TEST_SOUKD=$<TARGET_FILE:soukd>" "SOUK_TEST_SOUKCTL=$<TARGET_FILE:soukctl>")
