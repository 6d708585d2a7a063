#include "app/soukctl/Cli.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace souk::cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

Result<Arguments> parseArguments(const QStringList& argv, const QStringList& withValue)
{
    Arguments args;
    for (int i = 0; i < argv.size(); ++i) {
        const QString& a = argv[i];
        if (!a.startsWith(u"--"_s) || a == u"--"_s) {
            args.words.append(a);
            continue;
        }
        const qsizetype eq = a.indexOf(u'=');
        const QString name = eq > 0 ? a.left(eq) : a;
        if (args.options.contains(name)) // which one would win is a guess a script should not rely on
            return Error::invalid(name, name + u" is given twice"_s);
        if (!withValue.contains(name)) {
            if (eq > 0)
                return Error::invalid(name, name + u" takes no value"_s);
            args.options.insert(name, u"1"_s);
            continue;
        }
        if (eq > 0) {
            args.options.insert(name, a.mid(eq + 1));
        } else if (i + 1 < argv.size()) {
            args.options.insert(name, argv[++i]);
        } else {
            return Error::invalid(name, name + u" needs a value"_s);
        }
    }
    return args;
}

Result<qint64> integerOption(const Arguments& args, const QString& name, qint64 fallback, qint64 min, qint64 max)
{
    if (!args.has(name))
        return fallback;
    bool ok = false;
    const qint64 value = args.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max)
        return Error::invalid(name,
                              u"a whole number from %1 to %2, not \"%3\""_s.arg(min).arg(max).arg(args.value(name)));
    return value;
}

int fail(const Error& error)
{
    err() << "soukctl: " << shown(error.toString()) << Qt::endl; // messages quote values and paths from data
    if (error.field == u"store")
        return StoreError; // a missing or unusable store file is the store's problem, not the input's
    switch (error.code) {
    case ErrorCode::Invalid:
    case ErrorCode::NotFound:
    case ErrorCode::Conflict:
    case ErrorCode::Duplicate:
    case ErrorCode::VersionConflict:
    case ErrorCode::Overflow:
    case ErrorCode::Cancelled:
    case ErrorCode::Unauthenticated:
    case ErrorCode::Forbidden:
    case ErrorCode::AccountLocked:
        return InvalidInput;
    default:
        return StoreError;
    }
}

int usageError(const QString& message)
{
    err() << "soukctl: " << shown(message) << Qt::endl << "Try 'soukctl --help'." << Qt::endl;
    return Usage;
}

QString storePath(const Arguments& args)
{
    if (onNode(args))
        return {};
    const QString path = args.value(u"--store"_s);
    return path.isEmpty() ? qEnvironmentVariable("SOUK_STORE") : path;
}

Result<std::unique_ptr<LocalClient>> openStore(const Arguments& args, bool readOnly)
{
    const QString path = storePath(args);
    if (path.isEmpty())
        return Error::invalid(u"--store"_s, u"no store given (use --store FILE or set SOUK_STORE)"_s);
    LocalClient::Options options;
    options.store.path = path;
    options.store.readOnly = readOnly;
    options.maintenanceIntervalMs = 0; // a command has no event loop to run it; maintenance is explicit
    // whoever can write the store's file can change anything in it: soukctl acts as the store's
    // administrator, under the system user's name, and the audit log says so ("local")
    const QString user = qEnvironmentVariable("USER", u"cli"_s);
    options.actor = Actor{user.isEmpty() ? u"cli"_s : user, u"admin"_s};
    options.principal = auth::Principal::localAdmin(options.actor.user);
    return LocalClient::open(options);
}

Result<std::shared_ptr<Client>> openClient(const Arguments& args, bool readOnly)
{
    if (onNode(args)) {
        auto node = connectNode(args);
        if (!node)
            return node.error();
        return std::shared_ptr<Client>(std::move(node).value());
    }
    auto store = openStore(args, readOnly);
    if (!store)
        return store.error();
    return std::shared_ptr<Client>(std::move(store).value());
}

Result<catalog::Merchant> pickMerchant(Client& client, const Arguments& args)
{
    auto merchants = wait(client.merchants());
    if (!merchants)
        return merchants.error();
    if (merchants->isEmpty())
        return Error::notFound(u"--merchant"_s, u"the store has no merchant yet"_s);
    if (!args.has(u"--merchant"_s))
        return merchants->first();
    auto id = Id::parse(args.value(u"--merchant"_s), u"--merchant"_s);
    if (!id)
        return id.error();
    for (const auto& m : *merchants) {
        if (m.id == *id)
            return m;
    }
    return Error::notFound(u"--merchant"_s, u"no merchant "_s + id->toString());
}

Result<MerchantClient> openMerchantClient(const Arguments& args, bool readOnly)
{
    auto client = openClient(args, readOnly);
    if (!client)
        return client.error();
    auto merchant = pickMerchant(**client, args);
    if (!merchant)
        return merchant.error();
    return MerchantClient{std::move(client).value(), std::move(merchant).value()};
}

} // namespace souk::cli
