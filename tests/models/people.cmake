souk_add_test(TestRequestKey TestRequestKey.cpp LIBS souk_models LABELS models)
