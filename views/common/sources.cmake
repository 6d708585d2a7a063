# sources of views/common: shared widgets (inline message bar, decision dialogs, read-only tables,
# palette-following text colours)
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/Dialogs.h ${CMAKE_CURRENT_LIST_DIR}/Dialogs.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MessageBar.h ${CMAKE_CURRENT_LIST_DIR}/MessageBar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PlotStyle.h ${CMAKE_CURRENT_LIST_DIR}/PlotStyle.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Tables.h ${CMAKE_CURRENT_LIST_DIR}/Tables.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ToneText.h ${CMAKE_CURRENT_LIST_DIR}/ToneText.cpp
)
