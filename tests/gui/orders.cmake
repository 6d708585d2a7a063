# views/orders
souk_add_test(TestRefundDialog TestRefundDialog.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
souk_add_test(TestOrdersPage TestOrdersPage.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
souk_add_test(TestPayoutsPage TestPayoutsPage.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
souk_add_test(TestOrderFilters TestOrderFilters.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
souk_add_test(TestOrderDetailDialog TestOrderDetailDialog.cpp LIBS souk_views souk_translations
              souk_testsupport_store LABELS gui)
souk_add_test(TestDemoTrafficBar TestDemoTrafficBar.cpp LIBS souk_views souk_translations LABELS gui)
