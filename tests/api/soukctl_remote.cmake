# soukctl --url end to end: the real soukctl against the real soukd (NodeFixture, see node_api.cmake),
# its output compared with the same command on the store file.
souk_add_test(TestSoukctlRemote TestSoukctlRemote.cpp LIBS souk_testsupport_node LABELS api e2e TIMEOUT 180)
add_dependencies(TestSoukctlRemote soukd soukctl)
set_property(TEST TestSoukctlRemote APPEND PROPERTY ENVIRONMENT ${_souk_node_env})
