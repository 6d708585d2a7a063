# RemoteClient across a cluster (label pg): three real soukd nodes on one PostgreSQL store
# (NodeFixture and two peers, the fixture's throwaway server), one client holding them all.
souk_add_test(TestRemoteCluster TestRemoteCluster.cpp LIBS souk_testsupport_node souk_client_remote LABELS pg api
              TIMEOUT 240)
add_dependencies(TestRemoteCluster soukd soukctl)
set_property(TEST TestRemoteCluster APPEND PROPERTY ENVIRONMENT ${_souk_node_env} "SOUK_TEST_STORE=postgresql")
