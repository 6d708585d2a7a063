# sources of models/catalog: the catalog table, its filter, the variant grid of the editor
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/BulkEditInput.h ${CMAKE_CURRENT_LIST_DIR}/BulkEditInput.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CatalogText.h ${CMAKE_CURRENT_LIST_DIR}/CatalogText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProductFilter.h ${CMAKE_CURRENT_LIST_DIR}/ProductFilter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProductListModel.h ${CMAKE_CURRENT_LIST_DIR}/ProductListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProductFilterProxy.h ${CMAKE_CURRENT_LIST_DIR}/ProductFilterProxy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/VariantCell.h ${CMAKE_CURRENT_LIST_DIR}/VariantCell.cpp
    ${CMAKE_CURRENT_LIST_DIR}/VariantTableModel.h ${CMAKE_CURRENT_LIST_DIR}/VariantTableModel.cpp
)
