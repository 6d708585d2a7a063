# backend/api/schema: the table of operations, the JSON forms and the OpenAPI document.
souk_add_test(TestApiSchema TestApiSchema.cpp LIBS souk_api_schema LABELS unit api)
