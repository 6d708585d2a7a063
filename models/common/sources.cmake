# sources of models/common: error texts, formatting, typed preferences, palette-aware colours
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/ErrorText.h ${CMAKE_CURRENT_LIST_DIR}/ErrorText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Format.h ${CMAKE_CURRENT_LIST_DIR}/Format.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Prefs.h ${CMAKE_CURRENT_LIST_DIR}/Prefs.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Theme.h ${CMAKE_CURRENT_LIST_DIR}/Theme.cpp
)
