# sources of models/orders: the live order monitor, its filter and counters
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/DemoTrafficSource.h
    ${CMAKE_CURRENT_LIST_DIR}/OrderCountersSource.h ${CMAKE_CURRENT_LIST_DIR}/OrderCountersSource.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrderFilter.h ${CMAKE_CURRENT_LIST_DIR}/OrderFilter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrderListModel.h ${CMAKE_CURRENT_LIST_DIR}/OrderListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrderText.h ${CMAKE_CURRENT_LIST_DIR}/OrderText.cpp
)
