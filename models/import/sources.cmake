# sources of models/import
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/ImportPreviewModel.h ${CMAKE_CURRENT_LIST_DIR}/ImportPreviewModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImportProductPreviewModel.h ${CMAKE_CURRENT_LIST_DIR}/ImportProductPreviewModel.cpp
)
