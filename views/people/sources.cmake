# sources of views/people: sign-in, users and their keys, the audit log
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/SignInDialog.h ${CMAKE_CURRENT_LIST_DIR}/SignInDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ChangePasswordDialog.h ${CMAKE_CURRENT_LIST_DIR}/ChangePasswordDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditPage.h ${CMAKE_CURRENT_LIST_DIR}/AuditPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditEntryPane.h ${CMAKE_CURRENT_LIST_DIR}/AuditEntryPane.cpp
)
