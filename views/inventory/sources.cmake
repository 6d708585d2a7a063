# sources of views/inventory
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/AdjustStockDialog.h ${CMAKE_CURRENT_LIST_DIR}/AdjustStockDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MovementHistoryDialog.h ${CMAKE_CURRENT_LIST_DIR}/MovementHistoryDialog.cpp
)
