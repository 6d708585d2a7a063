# views/catalog and views/main
souk_add_test(TestCatalogPage TestCatalogPage.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
souk_add_test(TestProductEditor TestProductEditor.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
souk_add_test(TestMainWindow TestMainWindow.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
