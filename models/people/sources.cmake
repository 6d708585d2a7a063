# sources of models/people: users and the audit log as tables
list(APPEND SOUK_MODELS_SOURCES
)
