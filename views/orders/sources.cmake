# sources of views/orders: the live order monitor, order detail, refunds
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/DemoTrafficBar.h ${CMAKE_CURRENT_LIST_DIR}/DemoTrafficBar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrderDetailDialog.h ${CMAKE_CURRENT_LIST_DIR}/OrderDetailDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrderFilterBar.h ${CMAKE_CURRENT_LIST_DIR}/OrderFilterBar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrdersPage.h ${CMAKE_CURRENT_LIST_DIR}/OrdersPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RefundDialog.h ${CMAKE_CURRENT_LIST_DIR}/RefundDialog.cpp
)
