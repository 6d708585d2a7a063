# models/orders
souk_add_test(TestOrderListModel TestOrderListModel.cpp LIBS souk_models souk_testsupport_store LABELS models)
