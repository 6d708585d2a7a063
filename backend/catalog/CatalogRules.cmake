add_library(souk_catalog_rules STATIC
    ${CMAKE_CURRENT_LIST_DIR}/Product.h
    ${CMAKE_CURRENT_LIST_DIR}/Product.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CatalogImport.h
    ${CMAKE_CURRENT_LIST_DIR}/ProblemText.h
    ${CMAKE_CURRENT_LIST_DIR}/ProblemText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImportSku.h
    ${CMAKE_CURRENT_LIST_DIR}/ImportSku.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Barcode.h
    ${CMAKE_CURRENT_LIST_DIR}/Barcode.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProductValidator.h
    ${CMAKE_CURRENT_LIST_DIR}/ProductValidator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Csv.h
    ${CMAKE_CURRENT_LIST_DIR}/Csv.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CatalogCsv.h
    ${CMAKE_CURRENT_LIST_DIR}/CatalogCsv.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CatalogCsvColumns.h
    ${CMAKE_CURRENT_LIST_DIR}/CatalogCsvProblems.h
    ${CMAKE_CURRENT_LIST_DIR}/CatalogCsvProblems.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CatalogCsvWriter.cpp
)
target_link_libraries(souk_catalog_rules PUBLIC souk_core PRIVATE souk_options)
