# sources of views/payments: balances and payouts
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/PayoutsPage.h ${CMAKE_CURRENT_LIST_DIR}/PayoutsPage.cpp
)
