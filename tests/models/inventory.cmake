# models/inventory and models/import
souk_add_test(TestStockLevelModel TestStockLevelModel.cpp LIBS souk_models souk_testsupport_store LABELS models)
souk_add_test(TestMovementModel TestMovementModel.cpp LIBS souk_models souk_translations souk_testsupport_store
              LABELS models)
souk_add_test(TestImportPreviewModel TestImportPreviewModel.cpp LIBS souk_models souk_translations
              souk_testsupport_store LABELS models)
