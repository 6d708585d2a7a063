# sources of views/risk: the fraud review queue for support staff; the rule sets and lists
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/AddValuesDialog.h ${CMAKE_CURRENT_LIST_DIR}/AddValuesDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/BacktestPanel.h ${CMAKE_CURRENT_LIST_DIR}/BacktestPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DecisionDialog.h ${CMAKE_CURRENT_LIST_DIR}/DecisionDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ListsTab.h ${CMAKE_CURRENT_LIST_DIR}/ListsTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ModelChartsPanel.h ${CMAKE_CURRENT_LIST_DIR}/ModelChartsPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ModelsTab.h ${CMAKE_CURRENT_LIST_DIR}/ModelsTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ModelSummaryPanel.h ${CMAKE_CURRENT_LIST_DIR}/ModelSummaryPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/NewListDialog.h ${CMAKE_CURRENT_LIST_DIR}/NewListDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewDetailPanel.h ${CMAKE_CURRENT_LIST_DIR}/ReviewDetailPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewRelatedView.h ${CMAKE_CURRENT_LIST_DIR}/ReviewRelatedView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReviewsPage.h ${CMAKE_CURRENT_LIST_DIR}/ReviewsPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RiskPage.h ${CMAKE_CURRENT_LIST_DIR}/RiskPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RulesTab.h ${CMAKE_CURRENT_LIST_DIR}/RulesTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TrainModelDialog.h ${CMAKE_CURRENT_LIST_DIR}/TrainModelDialog.cpp
)
