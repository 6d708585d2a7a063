# models/risk
# souk_risk: the engine's feature names, which every reason the console words must cover
souk_add_test(TestReviewText TestReviewText.cpp LIBS souk_models souk_translations souk_risk LABELS models)
