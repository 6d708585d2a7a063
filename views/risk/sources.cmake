# sources of views/risk: the fraud review queue for support staff
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/DecisionDialog.h ${CMAKE_CURRENT_LIST_DIR}/DecisionDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewDetailPanel.h ${CMAKE_CURRENT_LIST_DIR}/ReviewDetailPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewsPage.h ${CMAKE_CURRENT_LIST_DIR}/ReviewsPage.cpp
)
