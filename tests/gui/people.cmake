# people: users, their API keys and two-step sign-in
souk_add_test(TestUsersPage TestUsersPage.cpp LIBS souk_views souk_translations souk_testsupport_store
              souk_auth_crypto LABELS gui)
# the audit log: who did what, and its hash chain
souk_add_test(TestAuditPage TestAuditPage.cpp LIBS souk_views souk_translations souk_testsupport_store Qt6::Sql
              LABELS gui)
