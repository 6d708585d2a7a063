#include "backend/api/node/NodeConfig.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <type_traits>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "backend/api/node/AddressRules.h"
#include "backend/api/node/AddressText.h"
#include "backend/store/StoreOptions.h"
#include "backend/api/node/IniFile.h"

using namespace Qt::StringLiterals;

namespace souk::api {

namespace {

constexpr qint64 KiB = NodeConfig::KiB;
constexpr qint64 MiB = NodeConfig::MiB;
constexpr qint64 GiB = 1024 * MiB;
constexpr qint64 IniBytesMax = 1 * MiB;

/// One value from the file, with what a setting needs to read it.
struct Input
{
    const QString& value;
    const QString& field;
    const QDir& base;
};

using Apply = Status (*)(NodeConfig&, const Input&);

struct Setting
{
    QStringView name;
    Apply apply;
};

bool isDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

template <auto Member, qint64 Min, qint64 Max> Status setInteger(NodeConfig& config, const Input& in)
{
    bool ok = false;
    const qint64 value = isDigits(in.value) ? in.value.toLongLong(&ok) : 0;
    if (!ok || value < Min || value > Max)
        return Error::invalid(in.field,
                              u"must be a whole number in %1..%2, not \"%3\""_s.arg(Min).arg(Max).arg(in.value));
    using Field = std::remove_reference_t<decltype(config.*Member)>;
    config.*Member = static_cast<Field>(value);
    return {};
}

template <auto Member, double Min, double Max> Status setNumber(NodeConfig& config, const Input& in)
{
    bool ok = false;
    const double value = in.value.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < Min || value > Max)
        return Error::invalid(in.field, u"must be a number in %1..%2, not \"%3\""_s.arg(Min).arg(Max).arg(in.value));
    config.*Member = value;
    return {};
}

template <auto Member> Status setPath(NodeConfig& config, const Input& in)
{
    if (in.value.isEmpty())
        return Error::invalid(in.field, u"must name a file"_s);
    config.*Member = QDir::cleanPath(in.base.absoluteFilePath(in.value));
    return {};
}

/// A file beside the settings, or a PostgreSQL URL as it is written (a URL is no path)
Status setStore(NodeConfig& config, const Input& in)
{
    if (store::StoreOptions::isPostgresUrl(in.value)) {
        config.storePath = in.value;
        return {};
    }
    return setPath<&NodeConfig::storePath>(config, in);
}

Status setListen(NodeConfig& config, const Input& in)
{
    const auto listen = NodeConfig::parseListen(in.value);
    if (!listen)
        return Error::invalid(in.field, listen.error().message);
    std::tie(config.listenHost, config.listenPort) = *listen;
    return {};
}

QStringList splitList(const QString& value)
{
    QStringList out;
    for (const QString& part : value.split(u','))
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    return out;
}

template <auto Member> Status setAddresses(NodeConfig& config, const Input& in)
{
    // parse() names "firewall/allow" or "firewall/deny" itself
    const QStringList entries = splitList(in.value);
    const bool isAllow = Member == &NodeConfig::allow;
    const auto rules = isAllow ? AddressRules::parse(entries, {}) : AddressRules::parse({}, entries);
    if (!rules)
        return rules.error();
    config.*Member = entries;
    return {};
}

Status setLogLevel(NodeConfig& config, const Input& in)
{
    for (const auto level : {NodeConfig::LogLevel::Debug, NodeConfig::LogLevel::Info, NodeConfig::LogLevel::Warning,
                             NodeConfig::LogLevel::Error}) {
        if (in.value == NodeConfig::logLevelName(level)) {
            config.logLevel = level;
            return {};
        }
    }
    return Error::invalid(in.field, u"must be debug, info, warning or error, not \"%1\""_s.arg(in.value));
}

// The ranges keep a typo from taking the node down (a 0 timeout, a 10 GiB header) while leaving
// operators room; they are not tuning advice.
const Setting Settings[] = {
    {u"node/store", setStore},
    {u"node/listen", setListen},
    {u"node/cert", setPath<&NodeConfig::certPath>},
    {u"node/key", setPath<&NodeConfig::keyPath>},
    {u"node/io_threads", setInteger<&NodeConfig::ioThreads, 1, 64>},
    {u"node/store_wait_seconds", setInteger<&NodeConfig::storeWaitSeconds, 0, 3'600>},
    {u"limits/max_header_bytes", setInteger<&NodeConfig::maxHeaderBytes, 1 * KiB, 1 * MiB>},
    {u"limits/max_body_bytes", setInteger<&NodeConfig::maxBodyBytes, 1 * KiB, 64 * MiB>},
    {u"limits/max_import_bytes", setInteger<&NodeConfig::maxImportBytes, 1 * KiB, 4 * GiB>},
    {u"limits/header_timeout_ms", setInteger<&NodeConfig::headerTimeoutMs, 100, 600'000>},
    {u"limits/idle_timeout_ms", setInteger<&NodeConfig::idleTimeoutMs, 1'000, 86'400'000>},
    {u"limits/max_connections", setInteger<&NodeConfig::maxConnections, 1, 1'000'000>},
    {u"limits/per_address_rate", setNumber<&NodeConfig::perAddressRate, 0.01, 1e6>},
    {u"limits/per_address_burst", setNumber<&NodeConfig::perAddressBurst, 1.0, 1e7>},
    {u"limits/per_principal_rate", setNumber<&NodeConfig::perPrincipalRate, 0.01, 1e6>},
    {u"limits/per_principal_burst", setNumber<&NodeConfig::perPrincipalBurst, 1.0, 1e7>},
    {u"firewall/allow", setAddresses<&NodeConfig::allow>},
    {u"firewall/deny", setAddresses<&NodeConfig::deny>},
    {u"feed/retention_hours", setInteger<&NodeConfig::feedRetentionHours, 1, 87'600>},
    {u"feed/stream_stall_ms", setInteger<&NodeConfig::streamStallMs, 1'000, 600'000>},
    {u"feed/stream_idle_ms", setInteger<&NodeConfig::streamIdleMs, 2'000, 3'600'000>},
    {u"feed/stream_recheck_ms", setInteger<&NodeConfig::streamRecheckMs, 1'000, 3'600'000>},
    {u"log/level", setLogLevel},
};

Result<QByteArray> readIni(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return Error::notFound(u"config"_s, u"%1 does not exist"_s.arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(u"config"_s, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    QByteArray text = file.read(IniBytesMax + 1);
    if (text.size() > IniBytesMax)
        return Error::invalid(u"config"_s, u"%1 is larger than %2 bytes"_s.arg(path).arg(IniBytesMax));
    return text;
}

Status checkTogether(const NodeConfig& config)
{
    // an import is a request body too; a smaller import limit would be dead
    if (config.maxImportBytes < config.maxBodyBytes)
        return Error::invalid(u"limits/max_import_bytes"_s,
                              u"must be at least max_body_bytes (%1)"_s.arg(config.maxBodyBytes));
    return {};
}

} // namespace

Result<NodeConfig> NodeConfig::load(const QString& iniPath, const NodeConfig& defaults)
{
    const auto text = readIni(iniPath);
    if (!text)
        return text.error();
    const auto ini = IniFile::parse(*text);
    if (!ini)
        return ini.error();
    NodeConfig config = defaults;
    const QDir base = QFileInfo(iniPath).absoluteDir();
    for (const IniFile::Entry& entry : ini->entries()) {
        const auto* setting = std::find_if(std::begin(Settings), std::end(Settings),
                                           [&](const Setting& s) { return s.name == entry.name; });
        if (setting == std::end(Settings))
            return Error::invalid(entry.name, u"unknown setting (line %1)"_s.arg(entry.line));
        if (const Status applied = setting->apply(config, {entry.value, entry.name, base}); !applied)
            return applied.error();
    }
    if (const Status together = checkTogether(config); !together)
        return together.error();
    return config;
}

Result<std::pair<QString, quint16>> NodeConfig::parseListen(const QString& text)
{
    const QString field = u"listen"_s;
    QString host;
    QStringView portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || close + 1 >= text.size() || text[close + 1] != u':')
            return Error::invalid(field, u"expected [IPv6]:PORT, not \"%1\""_s.arg(text));
        host = text.mid(1, close - 1);
        const auto ip = address::parseIp(host, true);
        if (!ip || ip->protocol() != QAbstractSocket::IPv6Protocol)
            return Error::invalid(field, u"\"%1\" in brackets is not an IPv6 address"_s.arg(host));
        portText = QStringView(text).mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0)
            return Error::invalid(field, u"expected HOST:PORT, not \"%1\""_s.arg(text));
        host = text.left(colon);
        if (host.contains(u':'))
            return Error::invalid(field, u"write an IPv6 address in brackets: [%1]:PORT"_s.arg(host));
        if (host.isEmpty())
            return Error::invalid(field, u"name a host: 0.0.0.0 or [::] for every interface"_s);
        if (!address::parseIp(host) && !address::isHostName(host))
            return Error::invalid(field, u"\"%1\" is neither an IPv4 address nor a host name"_s.arg(host));
        portText = QStringView(text).mid(colon + 1);
    }
    const int port = isDigits(portText) && portText.size() <= 5 ? portText.toInt() : 0;
    if (port < 1 || port > 65535)
        return Error::invalid(field, u"the port must be 1..65535, not \"%1\""_s.arg(portText));
    return std::pair<QString, quint16>(host, quint16(port));
}

QString NodeConfig::logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return u"debug"_s;
    case LogLevel::Info:
        return u"info"_s;
    case LogLevel::Warning:
        return u"warning"_s;
    case LogLevel::Error:
        return u"error"_s;
    }
    return u"info"_s;
}

} // namespace souk::api
