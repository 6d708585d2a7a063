# signing in to a store with users: the dialog, the window's user, idle lock, sign out
souk_add_test(TestSignInFlow TestSignInFlow.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
