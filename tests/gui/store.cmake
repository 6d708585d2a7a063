# the console when its store fails
souk_add_test(TestStoreDamageBar TestStoreDamageBar.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
