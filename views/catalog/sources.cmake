# sources of views/catalog: the catalog page, bulk edit, the product editor
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/BulkEditController.h ${CMAKE_CURRENT_LIST_DIR}/BulkEditController.cpp
    ${CMAKE_CURRENT_LIST_DIR}/BulkEditDialog.h ${CMAKE_CURRENT_LIST_DIR}/BulkEditDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CatalogPage.h ${CMAKE_CURRENT_LIST_DIR}/CatalogPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/FieldErrors.h ${CMAKE_CURRENT_LIST_DIR}/FieldErrors.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProductDetailsForm.h ${CMAKE_CURRENT_LIST_DIR}/ProductDetailsForm.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProductEditor.h ${CMAKE_CURRENT_LIST_DIR}/ProductEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProductStockTab.h ${CMAKE_CURRENT_LIST_DIR}/ProductStockTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProductUndoController.h ${CMAKE_CURRENT_LIST_DIR}/ProductUndoController.cpp
)
