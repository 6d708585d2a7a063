# souk_add_test(Name source.cpp LIBS lib... LABELS label... [TIMEOUT s])
# Links the library under test (never re-compiles its sources) and runs offscreen.
function(souk_add_test name source)
    cmake_parse_arguments(ARG "" "TIMEOUT" "LIBS;LABELS" ${ARGN})
    qt_add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} souk_testsupport Qt6::Test souk_options)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8"
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT})
endfunction()

# souk_add_pg_twin(Name [TIMEOUT s])
# Runs the test Name once more, labelled pg, with its StoreFixture on a PostgreSQL database (a
# throwaway server the fixture starts) instead of an SQLite file: the same tests on both stores.
function(souk_add_pg_twin name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    add_test(NAME ${name}Pg COMMAND ${name})
    set_tests_properties(${name}Pg PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;SOUK_TEST_STORE=postgresql"
        LABELS pg
        TIMEOUT ${ARG_TIMEOUT})
endfunction()
