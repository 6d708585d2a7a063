#pragma once

#include <utility>

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "backend/core/Result.h"

namespace souk::api {

/// Every setting of soukd with its default, read from an INI file (see load()). Plain value; any thread.
struct NodeConfig
{
    enum class LogLevel
    {
        Debug,
        Info,
        Warning,
        Error,
    };

    static constexpr qint64 KiB = 1024;
    static constexpr qint64 MiB = 1024 * KiB;

    QString storePath;                                ///< [node] store
    QString listenHost = QStringLiteral("127.0.0.1"); ///< [node] listen, HOST:PORT or [v6]:PORT
    quint16 listenPort = 8443;
    QString certPath;  ///< [node] cert: PEM chain, leaf first
    QString keyPath;   ///< [node] key: unencrypted PEM
    int ioThreads = 1; ///< [node] io_threads
    int storeWaitSeconds = 60; ///< [node] store_wait_seconds: how long a PostgreSQL store may be unreachable at start

    qint64 maxHeaderBytes = 16 * KiB; ///< [limits] max_header_bytes
    qint64 maxBodyBytes = 1 * MiB;    ///< [limits] max_body_bytes
    qint64 maxImportBytes = 64 * MiB; ///< [limits] max_import_bytes: catalogue imports only
    qint64 headerTimeoutMs = 10'000;  ///< [limits] header_timeout_ms: slow-loris guard
    qint64 idleTimeoutMs = 60'000;    ///< [limits] idle_timeout_ms: keep-alive without a request
    int maxConnections = 20'000;      ///< [limits] max_connections
    double perAddressRate = 50;       ///< [limits] per_address_rate, requests per second
    double perAddressBurst = 100;     ///< [limits] per_address_burst
    double perPrincipalRate = 100;    ///< [limits] per_principal_rate, requests per second
    double perPrincipalBurst = 200;   ///< [limits] per_principal_burst

    QStringList allow;                  ///< [firewall] allow: addresses and CIDR subnets; empty = everyone
    QStringList deny;                   ///< [firewall] deny: wins over allow
    int feedRetentionHours = 168;       ///< [feed] retention_hours
    int streamStallMs = 30'000;         ///< [feed] stream_stall_ms: a WebSocket reader that takes nothing this long is closed
    int streamIdleMs = 30'000;          ///< [feed] stream_idle_ms: no frame from a reader this long ends its stream
    int streamRecheckMs = 60'000;       ///< [feed] stream_recheck_ms: how often a stream's key or session is checked again
    LogLevel logLevel = LogLevel::Info; ///< [log] level: debug, info, warning or error

    bool operator==(const NodeConfig&) const = default;

    /// `defaults` with the settings `iniPath` names. Strict: an unknown key, a repeated key or a value
    /// out of range is an Error whose field is the key ("limits/max_body_bytes"). Relative paths are
    /// taken from the INI file's folder, so the node does not depend on its working directory.
    static Result<NodeConfig> load(const QString& iniPath, const NodeConfig& defaults);

    /// "HOST:PORT" or "[IPv6]:PORT" with a port 1..65535; the Error names "listen".
    static Result<std::pair<QString, quint16>> parseListen(const QString& text);

    /// "debug", "info", "warning" or "error", as the INI file spells it.
    static QString logLevelName(LogLevel level);
};

} // namespace souk::api
