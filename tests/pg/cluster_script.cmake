# tools/cluster.sh end to end: up with two soukd nodes, status, a write through the multi-host URL,
# requests to both nodes, down with nothing left.
add_test(NAME TestClusterScript COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cluster_script.sh
                                        ${CMAKE_SOURCE_DIR}/tools/cluster.sh $<TARGET_FILE:soukd>
                                        $<TARGET_FILE:soukctl>)
set_tests_properties(TestClusterScript PROPERTIES LABELS pg TIMEOUT 240)
