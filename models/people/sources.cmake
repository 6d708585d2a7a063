# sources of models/people: users and the audit log as tables
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/AuditLogModel.h ${CMAKE_CURRENT_LIST_DIR}/AuditLogModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditText.h ${CMAKE_CURRENT_LIST_DIR}/AuditText.cpp
)
