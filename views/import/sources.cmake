# sources of views/import: the catalog import wizard
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/ImportDonePage.h ${CMAKE_CURRENT_LIST_DIR}/ImportDonePage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImportFilePage.h ${CMAKE_CURRENT_LIST_DIR}/ImportFilePage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImportFileReader.h ${CMAKE_CURRENT_LIST_DIR}/ImportFileReader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImportPreviewPage.h ${CMAKE_CURRENT_LIST_DIR}/ImportPreviewPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImportRunPage.h ${CMAKE_CURRENT_LIST_DIR}/ImportRunPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImportSession.h
    ${CMAKE_CURRENT_LIST_DIR}/ImportWizard.h ${CMAKE_CURRENT_LIST_DIR}/ImportWizard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TaskProgressWidget.h ${CMAKE_CURRENT_LIST_DIR}/TaskProgressWidget.cpp
)
