# The node end to end: the real soukd on a seeded store, spoken to over HTTPS with its certificate
# pinned. ctest passes the programs' paths (SOUK_TEST_SOUKD, SOUK_TEST_SOUKCTL); building a test
# builds them. TestNodeOpenApi runs the pinned OpenAPI linter (node and npm) and promtool (Debian's
# prometheus package) and fails, never skips, without them.
add_library(souk_testsupport_node STATIC NodeFixture.h NodeFixture.cpp)
target_link_libraries(souk_testsupport_node PUBLIC souk_testsupport_store Qt6::Network Qt6::Test
                      PRIVATE souk_engine souk_api_node souk_options)

set(_souk_node_env "SOUK_TEST_SOUKD=$<TARGET_FILE:soukd>" "SOUK_TEST_SOUKCTL=$<TARGET_FILE:soukctl>")
foreach(_test TestNodeApi TestNodeLimits TestNodeOpenApi)
    souk_add_test(${_test} ${_test}.cpp LIBS souk_testsupport_node LABELS api TIMEOUT 120)
    add_dependencies(${_test} soukd soukctl)
    set_property(TEST ${_test} APPEND PROPERTY ENVIRONMENT ${_souk_node_env})
endforeach()
set_property(TEST TestNodeLimits APPEND PROPERTY LABELS e2e)
set_property(TEST TestNodeOpenApi APPEND PROPERTY LABELS contract)
target_compile_definitions(TestNodeOpenApi PRIVATE
    OPENAPI_LINT="${CMAKE_CURRENT_SOURCE_DIR}/openapi-lint/lint.sh"
    OPENAPI_LINT_WORKDIR="${CMAKE_BINARY_DIR}/openapi-lint")
