# views/risk
souk_add_test(TestReviewsPage TestReviewsPage.cpp LIBS souk_views souk_translations souk_testsupport_store
              LABELS gui)
souk_add_test(TestRiskPage TestRiskPage.cpp LIBS souk_views souk_translations souk_testsupport_store LABELS gui)
souk_add_test(TestModelsTab TestModelsTab.cpp LIBS souk_views souk_translations souk_testsupport_store LABELS gui)
