# sources of models/risk: the fraud review queue, the rule sets and the lists
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/ModelCurves.h ${CMAKE_CURRENT_LIST_DIR}/ModelCurves.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ModelListModel.h ${CMAKE_CURRENT_LIST_DIR}/ModelListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PastedValues.h ${CMAKE_CURRENT_LIST_DIR}/PastedValues.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewListModel.h ${CMAKE_CURRENT_LIST_DIR}/ReviewListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewQueueFilter.h ${CMAKE_CURRENT_LIST_DIR}/ReviewQueueFilter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewText.h ${CMAKE_CURRENT_LIST_DIR}/ReviewText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RiskListModel.h ${CMAKE_CURRENT_LIST_DIR}/RiskListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RiskRights.h ${CMAKE_CURRENT_LIST_DIR}/RiskRights.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RiskText.h ${CMAKE_CURRENT_LIST_DIR}/RiskText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RuleCheck.h ${CMAKE_CURRENT_LIST_DIR}/RuleCheck.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RuleSetListModel.h ${CMAKE_CURRENT_LIST_DIR}/RuleSetListModel.cpp
)
