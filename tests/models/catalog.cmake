# models/common and models/catalog
souk_add_test(TestFormat TestFormat.cpp LIBS souk_models LABELS models)
souk_add_test(TestTheme TestTheme.cpp LIBS souk_models LABELS models)
souk_add_test(TestTranslations TestTranslations.cpp LIBS souk_translations LABELS models)
souk_add_test(TestProductFilter TestProductFilter.cpp LIBS souk_models LABELS models)
souk_add_test(TestVariantTableModel TestVariantTableModel.cpp LIBS souk_models LABELS models)
souk_add_test(TestProductListModel TestProductListModel.cpp LIBS souk_models souk_testsupport_store LABELS models)
