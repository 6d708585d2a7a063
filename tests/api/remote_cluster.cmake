# RemoteClient across a cluster. TestRemoteCluster (label pg): three real soukd nodes on one
# PostgreSQL store (NodeFixture and two peers, the fixture's throwaway server), one client holding
# them all. TestRemoteSignIn (below): stand-in nodes, for what a client sends again after a 503.
souk_add_test(TestRemoteCluster TestRemoteCluster.cpp LIBS souk_testsupport_node souk_client_remote LABELS pg api
              TIMEOUT 240)
add_dependencies(TestRemoteCluster soukd soukctl)
set_property(TEST TestRemoteCluster APPEND PROPERTY ENVIRONMENT ${_souk_node_env} "SOUK_TEST_STORE=postgresql")

# RemoteClient against a stand-in node: a sign-in (no idempotency key) is sent again after a 503
# only when nothing had started
souk_add_test(TestRemoteSignIn TestRemoteSignIn.cpp LIBS souk_client_remote souk_api_node souk_testsupport_standin
              LABELS api)
