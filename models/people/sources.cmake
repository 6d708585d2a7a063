# sources of models/people: users and the audit log as tables
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/AuditLogModel.h ${CMAKE_CURRENT_LIST_DIR}/AuditLogModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditText.h ${CMAKE_CURRENT_LIST_DIR}/AuditText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/QrImage.h ${CMAKE_CURRENT_LIST_DIR}/QrImage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RequestKey.h ${CMAKE_CURRENT_LIST_DIR}/RequestKey.cpp
    ${CMAKE_CURRENT_LIST_DIR}/UserListModel.h ${CMAKE_CURRENT_LIST_DIR}/UserListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/UserText.h ${CMAKE_CURRENT_LIST_DIR}/UserText.cpp
)
