# sources of views/people: sign-in, users and their keys, the audit log
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/SignInDialog.h ${CMAKE_CURRENT_LIST_DIR}/SignInDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ChangePasswordDialog.h ${CMAKE_CURRENT_LIST_DIR}/ChangePasswordDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditPage.h ${CMAKE_CURRENT_LIST_DIR}/AuditPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditEntryPane.h ${CMAKE_CURRENT_LIST_DIR}/AuditEntryPane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AddUserDialog.h ${CMAKE_CURRENT_LIST_DIR}/AddUserDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ApiKeysDialog.h ${CMAKE_CURRENT_LIST_DIR}/ApiKeysDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CreateApiKeyDialog.h ${CMAKE_CURRENT_LIST_DIR}/CreateApiKeyDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OneTimeSecretDialog.h ${CMAKE_CURRENT_LIST_DIR}/OneTimeSecretDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OneTimeSecretView.h ${CMAKE_CURRENT_LIST_DIR}/OneTimeSecretView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReasonDialog.h ${CMAKE_CURRENT_LIST_DIR}/ReasonDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TotpSetupDialog.h ${CMAKE_CURRENT_LIST_DIR}/TotpSetupDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/UsersPage.h ${CMAKE_CURRENT_LIST_DIR}/UsersPage.cpp
)
