# catalog rules tests: owned by the CSV/validation work
souk_add_test(TestBarcode TestBarcode.cpp LIBS souk_catalog_rules LABELS unit)
souk_add_test(TestProductValidator TestProductValidator.cpp LIBS souk_catalog_rules LABELS unit)
souk_add_test(TestCsv TestCsv.cpp LIBS souk_catalog_rules LABELS unit)
souk_add_test(TestCatalogCsv TestCatalogCsv.cpp LIBS souk_catalog_rules LABELS unit)
souk_add_test(TestCatalogCsvWrite TestCatalogCsvWrite.cpp LIBS souk_catalog_rules LABELS unit)
souk_add_test(TestShopifyCsv TestShopifyCsv.cpp LIBS souk_catalog_rules LABELS unit)
