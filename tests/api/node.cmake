# backend/api/node: certificate, TLS policy, settings file, rate limits, address rules. TestCertificate
# and TestTlsPolicy run the openssl tool (Debian's openssl package) and fail, never skip, without it.
souk_add_test(TestCertificate TestCertificate.cpp LIBS souk_api_node LABELS unit api)
souk_add_test(TestTlsPolicy TestTlsPolicy.cpp LIBS souk_api_node LABELS unit api)
souk_add_test(TestNodeConfig TestNodeConfig.cpp LIBS souk_api_node LABELS unit api)
souk_add_test(TestRateLimiter TestRateLimiter.cpp LIBS souk_api_node LABELS unit api)
souk_add_test(TestAddressRules TestAddressRules.cpp LIBS souk_api_node LABELS unit api)
