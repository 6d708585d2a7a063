# views/inventory and views/import
souk_add_test(TestAdjustStockDialog TestAdjustStockDialog.cpp LIBS souk_views souk_translations
              souk_testsupport_store LABELS gui)
souk_add_test(TestMovementHistoryDialog TestMovementHistoryDialog.cpp LIBS souk_views souk_translations
              souk_testsupport_store LABELS gui)
souk_add_test(TestImportWizard TestImportWizard.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
