# models/orders
souk_add_test(TestOrderListModel TestOrderListModel.cpp LIBS souk_models souk_testsupport_store LABELS models)
souk_add_test(TestOrderFilter TestOrderFilter.cpp LIBS souk_models LABELS models)
souk_add_test(TestOrderText TestOrderText.cpp LIBS souk_models souk_translations LABELS models)
