# models/cluster: nodes' metrics read back, the figures between two looks, states, business and alerts
souk_add_test(TestClusterMonitor TestClusterMonitor.cpp LIBS souk_models souk_translations LABELS models)
