# The node's TLS as testssl.sh (Debian's testssl.sh package, command testssl) rates it: the real
# soukd with a certificate from a throwaway CA must leave nothing HIGH or CRITICAL. About 100 s of
# scanning on two cores, hence slow. Fails, never skips, without testssl or openssl.
souk_add_test(TestNodeTls TestNodeTls.cpp LIBS Qt6::Network LABELS api slow TIMEOUT 900)
add_dependencies(TestNodeTls soukd)
set_property(TEST TestNodeTls APPEND PROPERTY ENVIRONMENT "SOUK_TEST_SOUKD=$<TARGET_FILE:soukd>")
