#include "models/people/AuditText.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Gives the free functions of this file the translation context "AuditText".
class Tr final
{
    Q_DECLARE_TR_FUNCTIONS(AuditText)
};

/// A source text with its disambiguation, as QT_TRANSLATE_NOOP3 marks it.
struct Text
{
    const char* source;
    const char* comment;
};

/// `name`'s entry of `texts`, translated; other names as they are.
QString translated(const QHash<QString, Text>& texts, const QString& name)
{
    const auto it = texts.constFind(name);
    return it == texts.constEnd() ? name : QCoreApplication::translate("AuditText", it->source, it->comment);
}

/// Every operation of the permission table (backend/auth/Operation.cpp), by its stable name.
const QHash<QString, Text>& operations()
{
    static const QHash<QString, Text> names{
        {u"list_merchants"_s, QT_TRANSLATE_NOOP3("AuditText", "List merchants", "audit operation")},
        {u"list_locations"_s, QT_TRANSLATE_NOOP3("AuditText", "List locations", "audit operation")},
        {u"read_catalog"_s, QT_TRANSLATE_NOOP3("AuditText", "Read catalog", "audit operation")},
        {u"search_products"_s, QT_TRANSLATE_NOOP3("AuditText", "Search products", "audit operation")},
        {u"save_product"_s, QT_TRANSLATE_NOOP3("AuditText", "Save product", "audit operation")},
        {u"edit_product"_s, QT_TRANSLATE_NOOP3("AuditText", "Edit product", "audit operation")},
        {u"undo_product_edit"_s, QT_TRANSLATE_NOOP3("AuditText", "Undo product edit", "audit operation")},
        {u"bulk_edit"_s, QT_TRANSLATE_NOOP3("AuditText", "Bulk edit products", "audit operation")},
        {u"undo_bulk_edit"_s, QT_TRANSLATE_NOOP3("AuditText", "Undo bulk edit", "audit operation")},
        {u"read_stock"_s, QT_TRANSLATE_NOOP3("AuditText", "Read stock", "audit operation")},
        {u"adjust_stock"_s, QT_TRANSLATE_NOOP3("AuditText", "Adjust stock", "audit operation")},
        // planning reads and checks the file; nothing is written until the import runs
        {u"plan_import"_s, QT_TRANSLATE_NOOP3("AuditText", "Check import file", "audit operation")},
        {u"run_import"_s, QT_TRANSLATE_NOOP3("AuditText", "Import catalog", "audit operation")},
        {u"export_catalog"_s, QT_TRANSLATE_NOOP3("AuditText", "Export catalog", "audit operation")},
        {u"create_customer"_s, QT_TRANSLATE_NOOP3("AuditText", "Create customer", "audit operation")},
        {u"set_merchant_terms"_s, QT_TRANSLATE_NOOP3("AuditText", "Set merchant terms", "audit operation")},
        {u"add_discount_code"_s, QT_TRANSLATE_NOOP3("AuditText", "Add discount code", "audit operation")},
        {u"create_order"_s, QT_TRANSLATE_NOOP3("AuditText", "Create order", "audit operation")},
        {u"cancel_order"_s, QT_TRANSLATE_NOOP3("AuditText", "Cancel order", "audit operation")},
        // a fulfilment step by hand: fulfilling, shipped, delivered, completed
        {u"advance_order"_s, QT_TRANSLATE_NOOP3("AuditText", "Advance order", "audit operation")},
        {u"read_orders"_s, QT_TRANSLATE_NOOP3("AuditText", "Read orders", "audit operation")},
        {u"checkout"_s, QT_TRANSLATE_NOOP3("AuditText", "Checkout", "audit operation")},
        {u"authorize_payment"_s, QT_TRANSLATE_NOOP3("AuditText", "Authorize payment", "audit operation")},
        {u"capture_payment"_s, QT_TRANSLATE_NOOP3("AuditText", "Capture payment", "audit operation")},
        {u"void_payment"_s, QT_TRANSLATE_NOOP3("AuditText", "Void payment", "audit operation")},
        {u"refund_payment"_s, QT_TRANSLATE_NOOP3("AuditText", "Refund payment", "audit operation")},
        {u"open_dispute"_s, QT_TRANSLATE_NOOP3("AuditText", "Open dispute", "audit operation")},
        {u"submit_dispute_evidence"_s, QT_TRANSLATE_NOOP3("AuditText", "Submit dispute evidence", "audit operation")},
        {u"resolve_dispute"_s, QT_TRANSLATE_NOOP3("AuditText", "Resolve dispute", "audit operation")},
        {u"payout"_s, QT_TRANSLATE_NOOP3("AuditText", "Pay out", "audit operation")},
        {u"read_payouts"_s, QT_TRANSLATE_NOOP3("AuditText", "Read payouts", "audit operation")},
        {u"read_ledger"_s, QT_TRANSLATE_NOOP3("AuditText", "Read ledger", "audit operation")},
        {u"run_maintenance"_s, QT_TRANSLATE_NOOP3("AuditText", "Run maintenance", "audit operation")},
        {u"check_store"_s, QT_TRANSLATE_NOOP3("AuditText", "Check store", "audit operation")},
        {u"sign_in"_s, QT_TRANSLATE_NOOP3("AuditText", "Sign in", "audit operation")},
        {u"sign_out"_s, QT_TRANSLATE_NOOP3("AuditText", "Sign out", "audit operation")},
        {u"change_password"_s, QT_TRANSLATE_NOOP3("AuditText", "Change password", "audit operation")},
        {u"list_users"_s, QT_TRANSLATE_NOOP3("AuditText", "List users", "audit operation")},
        {u"add_user"_s, QT_TRANSLATE_NOOP3("AuditText", "Add user", "audit operation")},
        {u"disable_user"_s, QT_TRANSLATE_NOOP3("AuditText", "Disable user", "audit operation")},
        // TOTP: the six-digit code of an authenticator app
        {u"reset_totp"_s, QT_TRANSLATE_NOOP3("AuditText", "Reset two-factor sign-in", "audit operation")},
        {u"enrol_totp"_s, QT_TRANSLATE_NOOP3("AuditText", "Set up two-factor sign-in", "audit operation")},
        {u"list_api_keys"_s, QT_TRANSLATE_NOOP3("AuditText", "List API keys", "audit operation")},
        {u"create_api_key"_s, QT_TRANSLATE_NOOP3("AuditText", "Create API key", "audit operation")},
        {u"revoke_api_key"_s, QT_TRANSLATE_NOOP3("AuditText", "Revoke API key", "audit operation")},
        {u"read_audit"_s, QT_TRANSLATE_NOOP3("AuditText", "Read audit log", "audit operation")},
        {u"verify_audit"_s, QT_TRANSLATE_NOOP3("AuditText", "Verify audit log", "audit operation")},
        {u"read_risk_rules"_s, QT_TRANSLATE_NOOP3("AuditText", "Read risk rules", "audit operation")},
        {u"save_rule_set"_s, QT_TRANSLATE_NOOP3("AuditText", "Save risk rules", "audit operation")},
        {u"activate_rule_set"_s, QT_TRANSLATE_NOOP3("AuditText", "Activate risk rules", "audit operation")},
        // a draft rule set evaluated on live payments and logged, acting on nothing
        {u"set_rule_set_shadow"_s, QT_TRANSLATE_NOOP3("AuditText", "Shadow risk rules", "audit operation")},
        {u"read_risk_lists"_s, QT_TRANSLATE_NOOP3("AuditText", "Read risk lists", "audit operation")},
        {u"create_risk_list"_s, QT_TRANSLATE_NOOP3("AuditText", "Create risk list", "audit operation")},
        {u"add_risk_list_values"_s, QT_TRANSLATE_NOOP3("AuditText", "Add to risk list", "audit operation")},
        {u"remove_risk_list_values"_s, QT_TRANSLATE_NOOP3("AuditText", "Remove from risk list", "audit operation")},
        {u"read_reviews"_s, QT_TRANSLATE_NOOP3("AuditText", "Read fraud reviews", "audit operation")},
        {u"claim_review"_s, QT_TRANSLATE_NOOP3("AuditText", "Claim fraud review", "audit operation")},
        {u"release_review"_s, QT_TRANSLATE_NOOP3("AuditText", "Release fraud review", "audit operation")},
        {u"decide_review"_s, QT_TRANSLATE_NOOP3("AuditText", "Decide fraud review", "audit operation")},
        {u"read_payment_risk"_s, QT_TRANSLATE_NOOP3("AuditText", "Read payment risk", "audit operation")},
        {u"backtest_rules"_s, QT_TRANSLATE_NOOP3("AuditText", "Backtest risk rules", "audit operation")},
        {u"read_risk_models"_s, QT_TRANSLATE_NOOP3("AuditText", "Read risk models", "audit operation")},
        {u"train_risk_model"_s, QT_TRANSLATE_NOOP3("AuditText", "Train risk model", "audit operation")},
        {u"activate_risk_model"_s, QT_TRANSLATE_NOOP3("AuditText", "Activate risk model", "audit operation")},
    };
    return names;
}

/// "ok" and every error code's name (backend/core/Error.cpp), as an outcome column shows them.
const QHash<QString, Text>& outcomes()
{
    static const QHash<QString, Text> names{
        {u"ok"_s, QT_TRANSLATE_NOOP3("AuditText", "Succeeded", "audit outcome")},
        {u"invalid"_s, QT_TRANSLATE_NOOP3("AuditText", "Invalid input", "audit outcome")},
        {u"not_found"_s, QT_TRANSLATE_NOOP3("AuditText", "Not found", "audit outcome")},
        {u"conflict"_s, QT_TRANSLATE_NOOP3("AuditText", "Refused by the current state", "audit outcome")},
        {u"duplicate"_s, QT_TRANSLATE_NOOP3("AuditText", "Already exists", "audit outcome")},
        {u"version_conflict"_s, QT_TRANSLATE_NOOP3("AuditText", "Changed meanwhile", "audit outcome")},
        {u"overflow"_s, QT_TRANSLATE_NOOP3("AuditText", "Amount out of range", "audit outcome")},
        {u"store_locked"_s, QT_TRANSLATE_NOOP3("AuditText", "Store in use elsewhere", "audit outcome")},
        {u"store_corrupt"_s, QT_TRANSLATE_NOOP3("AuditText", "Store damaged", "audit outcome")},
        {u"store_newer"_s, QT_TRANSLATE_NOOP3("AuditText", "Store from a newer version", "audit outcome")},
        {u"store_read_only"_s, QT_TRANSLATE_NOOP3("AuditText", "Store read-only", "audit outcome")},
        {u"store_io"_s, QT_TRANSLATE_NOOP3("AuditText", "Storage error", "audit outcome")},
        {u"cancelled"_s, QT_TRANSLATE_NOOP3("AuditText", "Cancelled", "audit outcome")},
        {u"unavailable"_s, QT_TRANSLATE_NOOP3("AuditText", "Unavailable", "audit outcome")},
        {u"internal"_s, QT_TRANSLATE_NOOP3("AuditText", "Internal error", "audit outcome")},
        {u"illegal_transition"_s, QT_TRANSLATE_NOOP3("AuditText", "Not possible in this state", "audit outcome")},
        {u"idempotency_conflict"_s, QT_TRANSLATE_NOOP3("AuditText", "Request key reused", "audit outcome")},
        {u"insufficient_stock"_s, QT_TRANSLATE_NOOP3("AuditText", "Not enough stock", "audit outcome")},
        {u"card_invalid"_s, QT_TRANSLATE_NOOP3("AuditText", "Invalid card", "audit outcome")},
        {u"in_progress"_s, QT_TRANSLATE_NOOP3("AuditText", "Still in progress", "audit outcome")},
        // no sign-in, or a wrong password, code, key or expired session
        {u"unauthenticated"_s, QT_TRANSLATE_NOOP3("AuditText", "Not authenticated", "audit outcome")},
        // the user's role may not do this
        {u"forbidden"_s, QT_TRANSLATE_NOOP3("AuditText", "Not allowed", "audit outcome")},
        {u"account_locked"_s, QT_TRANSLATE_NOOP3("AuditText", "Account locked", "audit outcome")},
    };
    return names;
}

} // namespace

QString AuditText::operation(const QString& name)
{
    return translated(operations(), name);
}

QString AuditText::outcome(const QString& code)
{
    return translated(outcomes(), code);
}

QString AuditText::role(const QString& name)
{
    static const QHash<QString, Text> names{
        {u"owner"_s, QT_TRANSLATE_NOOP3("AuditText", "Owner", "user role")},
        {u"staff"_s, QT_TRANSLATE_NOOP3("AuditText", "Staff", "user role")},
        {u"support"_s, QT_TRANSLATE_NOOP3("AuditText", "Support", "user role")},
        {u"operator"_s, QT_TRANSLATE_NOOP3("AuditText", "Operator", "user role")},
        {u"admin"_s, QT_TRANSLATE_NOOP3("AuditText", "Administrator", "user role")},
    };
    return translated(names, name);
}

QString AuditText::via(const QString& name)
{
    static const QHash<QString, Text> names{
        // the store's file opened by a program on this machine, before the store had users
        {u"local"_s, QT_TRANSLATE_NOOP3("AuditText", "Store file on this computer", "how someone signed in")},
        {u"session"_s, QT_TRANSLATE_NOOP3("AuditText", "Password sign-in", "how someone signed in")},
        {u"api_key"_s, QT_TRANSLATE_NOOP3("AuditText", "API key", "how someone signed in")},
        {u"none"_s, QT_TRANSLATE_NOOP3("AuditText", "Not signed in", "how someone signed in")},
    };
    return translated(names, name);
}

QString AuditText::objects(const QStringList& objects, const QString& separator)
{
    // the engine names the merchant a command ran for before what it touched; a reader looks for
    // the payment or order, and a store has one merchant or few
    QStringList ordered = objects;
    std::stable_partition(ordered.begin(), ordered.end(),
                          [](const QString& o) { return !o.startsWith(u"merchant:"_s); });
    return ordered.join(separator);
}

QString AuditText::time(qint64 atMs, const QLocale& locale)
{
    // the locale's short forms, with the year in full and the seconds added: an audit trail
    // orders what happened within a minute, and "26" is not a year
    QString date = locale.dateFormat(QLocale::ShortFormat);
    if (!date.contains(u"yyyy"_s))
        date.replace(u"yy"_s, u"yyyy"_s);
    QString clock = locale.timeFormat(QLocale::ShortFormat);
    const qsizetype minutes = clock.indexOf(u"mm"_s);
    if (!clock.contains(u's') && minutes > 0) {
        // the locale's separator of hours and minutes ("13:05", "13.05") goes before the seconds too
        const QChar separator = clock.at(minutes - 1).isLetter() ? u':' : clock.at(minutes - 1);
        clock.insert(minutes + 2, separator + u"ss"_s);
    }
    return locale.toString(QDateTime::fromMSecsSinceEpoch(atMs).toLocalTime(), date + u' ' + clock);
}

QString AuditText::summary(const auth::AuditRecord& r)
{
    QStringList lines;
    //: tooltip line of an audit entry; %1 how the user signed in ("Password sign-in")
    lines << Tr::tr("Signed in via: %1").arg(via(r.via));
    if (!r.origin.isEmpty())
        //: tooltip line of an audit entry; %1 where the request came from ("local", a node and address)
        lines << Tr::tr("From: %1").arg(r.origin);
    if (!r.credentialId.isNull())
        //: tooltip line of an audit entry; %1 the id of the session or API key used
        lines << Tr::tr("Credential: %1").arg(r.credentialId.toString());
    if (!r.detail.isEmpty())
        //: tooltip line of an audit entry; %1 the store's technical message on a failure
        lines << Tr::tr("Detail: %1").arg(r.detail);
    return lines.join(u'\n');
}

} // namespace souk
