# sources of models/cluster: the nodes' health, read from their /metrics and /readyz
list(APPEND SOUK_MODELS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/ClusterAlertModel.h ${CMAKE_CURRENT_LIST_DIR}/ClusterAlertModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ClusterMonitor.h ${CMAKE_CURRENT_LIST_DIR}/ClusterMonitor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DatabaseFigures.h ${CMAKE_CURRENT_LIST_DIR}/DatabaseFigures.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ClusterNodeModel.h ${CMAKE_CURRENT_LIST_DIR}/ClusterNodeModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/NodeFigures.h ${CMAKE_CURRENT_LIST_DIR}/NodeFigures.cpp
)
