# The crash test: a child runs the engine under load and is killed with SIGKILL, many times.
add_executable(souk_crash_child CrashChild.cpp)
target_link_libraries(souk_crash_child PRIVATE souk_client souk_options)
souk_add_test(TestCrashRecovery TestCrashRecovery.cpp LIBS souk_client LABELS e2e TIMEOUT 240)
target_compile_definitions(TestCrashRecovery PRIVATE CRASH_CHILD_PATH="$<TARGET_FILE:souk_crash_child>"
                                                    SOUKCTL_PATH="$<TARGET_FILE:soukctl>")
add_dependencies(TestCrashRecovery souk_crash_child soukctl)
