# sources of views/cluster: the Cluster page (nodes, live charts, alerts)
list(APPEND SOUK_VIEWS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/ClusterPage.h ${CMAKE_CURRENT_LIST_DIR}/ClusterPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/LiveChart.h ${CMAKE_CURRENT_LIST_DIR}/LiveChart.cpp
)
