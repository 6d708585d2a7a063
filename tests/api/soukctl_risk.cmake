# soukctl rules, lists, reviews and payments risk end to end: the real soukctl on a seeded store,
# then with --url against the real soukd on it (NodeFixture, see node_api.cmake).
souk_add_test(TestSoukctlRisk TestSoukctlRisk.cpp LIBS souk_testsupport_node souk_client LABELS api e2e TIMEOUT 180)
add_dependencies(TestSoukctlRisk soukd soukctl)
set_property(TEST TestSoukctlRisk APPEND PROPERTY ENVIRONMENT ${_souk_node_env})
