# sources of models/inventory
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/AdjustmentCheck.h ${CMAKE_CURRENT_LIST_DIR}/AdjustmentCheck.cpp
    ${CMAKE_CURRENT_LIST_DIR}/InventoryIcons.h ${CMAKE_CURRENT_LIST_DIR}/InventoryIcons.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MovementModel.h ${CMAKE_CURRENT_LIST_DIR}/MovementModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/StockLevelModel.h ${CMAKE_CURRENT_LIST_DIR}/StockLevelModel.cpp
)
