# The people commands that answer a secret once, repeated with their Idempotency-Key over the real
# soukd (NodeFixture, see node_api.cmake).
souk_add_test(TestNodeOnceSecrets TestNodeOnceSecrets.cpp LIBS souk_testsupport_node souk_auth_crypto LABELS api TIMEOUT 120)
add_dependencies(TestNodeOnceSecrets soukd soukctl)
set_property(TEST TestNodeOnceSecrets APPEND PROPERTY ENVIRONMENT ${_souk_node_env})
