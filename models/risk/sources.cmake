# sources of models/risk: the fraud review queue
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/ReviewListModel.h ${CMAKE_CURRENT_LIST_DIR}/ReviewListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewQueueFilter.h ${CMAKE_CURRENT_LIST_DIR}/ReviewQueueFilter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewText.h ${CMAKE_CURRENT_LIST_DIR}/ReviewText.cpp
)
