#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

#include "backend/api/node/NodeConfig.h"

namespace souk {
class LocalClient;
}
namespace souk::metrics {
class EngineMetrics;
class Registry;
}
namespace souk::api {
class AddressRules;
class ApiService;
class HttpServer;
}

namespace souk::node {

/// One running soukd: the store's engine, the API over it, the HTTPS transport, the metrics,
/// and the signals that drain it (SIGTERM, SIGINT) or reload its certificate and limits
/// (SIGHUP). Lives on the main thread.
class NodeProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeProcess)
public:
    NodeProcess(api::NodeConfig config, QString configPath);
    ~NodeProcess() override;

    /// Opens the store, makes the certificate if there is none, listens. The error says what
    /// and names the setting.
    Status start();
    quint16 port() const;

private:
    void onSignal();
    void drain();
    void reload();
    void wireMetrics();

    api::NodeConfig m_config;
    QString m_configPath;
    const qint64 m_startedMs; ///< when this node was made (Unix ms), for process_start_time_seconds
    std::unique_ptr<metrics::Registry> m_metrics;
    std::unique_ptr<LocalClient> m_client;
    std::unique_ptr<metrics::EngineMetrics> m_engineMetrics; ///< goes before m_client
    std::unique_ptr<api::ApiService> m_api;
    std::shared_ptr<api::AddressRules> m_rules;
    std::unique_ptr<api::HttpServer> m_server;
    QSocketNotifier* m_signals = nullptr;
    bool m_draining = false;
};

/// Installs the handlers that write SIGTERM, SIGINT and SIGHUP to a pipe (read back on the main
/// thread); answers the pipe's read end.
int installSignalPipe();

} // namespace souk::node
