# sources of views/main: the main window (hosts pages and actions only)
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/CatalogExport.h ${CMAKE_CURRENT_LIST_DIR}/CatalogExport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MainWindow.h ${CMAKE_CURRENT_LIST_DIR}/MainWindow.cpp
)
