# The change feed over a WebSocket on the real soukd (NodeFixture, see node_api.cmake), and
# RemoteClient following it through a TLS proxy that can cut links and refuse the upgrade.
souk_add_test(TestNodeFeedStream TestNodeFeedStream.cpp LIBS souk_testsupport_node souk_testsupport_standin
              souk_client_remote Qt6::WebSockets Qt6::Sql LABELS api TIMEOUT 180)
target_sources(TestNodeFeedStream PRIVATE TlsProxy.h TlsProxy.cpp)
add_dependencies(TestNodeFeedStream soukd soukctl)
set_property(TEST TestNodeFeedStream APPEND PROPERTY ENVIRONMENT ${_souk_node_env})
