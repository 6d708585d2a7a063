# The node end to end, second part: the catalog, stock, imports, customers, the ledger and people
# over the real soukd (NodeFixture, see node_api.cmake).
souk_add_test(TestNodeApiCatalog TestNodeApiCatalog.cpp LIBS souk_testsupport_node LABELS api TIMEOUT 180)
add_dependencies(TestNodeApiCatalog soukd soukctl)
set_property(TEST TestNodeApiCatalog APPEND PROPERTY ENVIRONMENT ${_souk_node_env})
