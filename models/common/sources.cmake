# sources of models/common: error texts, formatting, typed preferences
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/ErrorText.h ${CMAKE_CURRENT_LIST_DIR}/ErrorText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Format.h ${CMAKE_CURRENT_LIST_DIR}/Format.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Prefs.h ${CMAKE_CURRENT_LIST_DIR}/Prefs.cpp
)
