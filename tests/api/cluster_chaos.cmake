# The cluster under faults (labels pg, e2e): three soukd nodes on tools/cluster.sh's PostgreSQL pair,
# clients placing, capturing, refunding and paying out with retries while nodes are killed and the
# primary fails over; then every acknowledged command is checked to exist exactly once, the
# ledger and `soukctl check`, and each client's feed. SOUK_CHAOS_ROUNDS=N runs longer (by hand).
souk_add_test(TestClusterChaos TestClusterChaos.cpp LIBS souk_testsupport_node souk_client_remote Qt6::Sql
              LABELS pg e2e TIMEOUT 600)
target_sources(TestClusterChaos PRIVATE ChaosWorker.h ChaosWorker.cpp PgPair.h PgPair.cpp)
add_dependencies(TestClusterChaos soukd soukctl)
set_property(TEST TestClusterChaos APPEND PROPERTY ENVIRONMENT ${_souk_node_env}
             "SOUK_TEST_CLUSTER_SH=${CMAKE_SOURCE_DIR}/tools/cluster.sh")
