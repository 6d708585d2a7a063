// The table of operations, users, second factors, API keys and the audit log: each declared once (see Operations.h).
#include "backend/api/schema/OperationsSupport.h"

using namespace Qt::StringLiterals;

namespace souk::api::operations {

QList<ApiOperation> people()
{
    using namespace souk::auth;
    return {
        Def<bool>(Op::SignOut, "DELETE", u"/v1/sessions/current"_s, u"End this session"_s, u"Sessions"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.signOut(); }),
        Def<bool>(Op::ChangePassword, "POST", u"/v1/me/password"_s, u"Set your own password"_s, u"Sessions"_s)
            .param<QString>(u"current_password"_s, In::Body, u"The password you signed in with"_s)
            .param<QString>(u"new_password"_s, In::Body, u"The new one"_s)
            .serve([](Client& c, const Args& a, const QString&) {
                // changePassword takes no key: a retry's current password is no longer it, so it fails
                return c.changePassword(a.at<QString>(0), a.at<QString>(1));
            }),
        // beginTotp takes the key: a retry with it answers the first secret again (sealed under the
        // key for a day), never a new one that the app scanned from the first answer would not confirm
        Def<TotpEnrolment>(Op::EnrolTotp, "POST", u"/v1/me/totp"_s,
                           u"Start your own second factor: a new secret to scan"_s, u"Sessions"_s)
            .named(u"begin_totp"_s)
            .serve([](Client& c, const Args&, const QString& key) { return c.beginTotp(key); }),
        Def<QStringList>(Op::EnrolTotp, "POST", u"/v1/me/totp/confirm"_s,
                         u"Confirm your second factor with a code: answers the recovery codes, once"_s, u"Sessions"_s)
            .named(u"confirm_totp"_s)
            .param<QString>(u"code"_s, In::Body, u"A code from the authenticator app"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                // confirmTotp takes the key: a retry with it answers the same recovery codes again
                // (sealed under the key for a day); it never enrols twice
                return c.confirmTotp(a.at<QString>(0), key);
            }),
        Def<QList<User>>(Op::ListUsers, "GET", u"/v1/users"_s, u"The users you manage"_s, u"Users"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.users(); }),
        Def<AddedUser>(Op::AddUser, "POST", u"/v1/users"_s, u"Add a user"_s, u"Users"_s)
            .param<NewUser>(u"user"_s, In::Body, u"The user"_s)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                // addUser takes the key: a retry with it answers the same user and one-time
                // password again (sealed under the key for a day); it never adds twice
                return c.addUser(a.at<NewUser>(0), key);
            }),
        Def<User>(Op::DisableUser, "POST", u"/v1/users/{user_id}/disable"_s,
                  u"Disable a user: its sessions and keys stop working"_s, u"Users"_s)
            .param<Id>(u"user_id"_s, In::Path, u"The user"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why, for the audit log"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                // disableUser takes no key: disabling a disabled user leaves it so
                return c.disableUser(a.at<Id>(0), a.at<QString>(1));
            }),
        Def<User>(Op::ResetTotp, "POST", u"/v1/users/{user_id}/totp/reset"_s,
                  u"Remove a user's second factor (a lost phone)"_s, u"Users"_s)
            .param<Id>(u"user_id"_s, In::Path, u"The user"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why, for the audit log"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                // resetTotp takes no key: a second reset finds no second factor to remove
                return c.resetTotp(a.at<Id>(0), a.at<QString>(1));
            }),
    };
}

QList<ApiOperation> keysAndAudit()
{
    using namespace souk::auth;
    return {
        Def<QList<ApiKeyInfo>>(Op::ListApiKeys, "GET", u"/v1/api_keys"_s, u"API keys, without their secrets"_s,
                               u"Users"_s)
            .param<Id>(u"user_id"_s, In::Query, u"Only this user's; absent: every user you manage"_s, false)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.apiKeys(a.at<Id>(0)); }),
        // createApiKey takes the key: a retry with it answers the same key and secret again
        // (sealed under the key for a day), never a second key
        Def<CreatedApiKey>(Op::CreateApiKey, "POST", u"/v1/api_keys"_s,
                           u"Make an API key for a user: its secret is answered once"_s, u"Users"_s)
            .param<Id>(u"user_id"_s, In::Body, u"The user it acts as"_s)
            .param<QString>(u"name"_s, In::Body, u"What it is for"_s)
            .param<std::optional<qint64>>(u"expires_ms"_s, In::Body, u"Expires at (ms since epoch); absent: never"_s,
                                          false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.createApiKey(a.at<Id>(0), a.at<QString>(1), a.at<std::optional<qint64>>(2), key);
            }),
        Def<ApiKeyInfo>(Op::RevokeApiKey, "POST", u"/v1/api_keys/{key_id}/revoke"_s, u"Revoke an API key"_s, u"Users"_s)
            .param<Id>(u"key_id"_s, In::Path, u"The key"_s)
            .serve([](Client& c, const Args& a, const QString&) {
                // revokeApiKey takes no key: a revoked key stays revoked
                return c.revokeApiKey(a.at<Id>(0));
            }),
        Def<QList<AuditRecord>>(Op::ReadAudit, "GET", u"/v1/audit"_s, u"Audit rows, newest first"_s, u"Audit"_s)
            .param<QString>(u"user"_s, In::Query, u"Only this user's (a name, any case)"_s, false)
            .param<QString>(u"entity"_s, In::Query, u"Only about this: payment, or payment:123"_s, false)
            .param<qint64>(u"since_ms"_s, In::Query, u"Only rows at or after (ms since epoch)"_s, false)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's rows"_s, false)
            .param<qint64>(u"starting_after"_s, In::Query, u"The seq of the last row of the page before"_s, false)
            .param<std::optional<int>>(u"limit"_s, In::Query, u"How many, 1 to 1000 (100)"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                if (auto e = outOfRange(a.at<std::optional<int>>(5), AuditQuery::LimitMax))
                    return failed<QList<AuditRecord>>(*e);
                AuditQuery q;
                q.user = a.at<QString>(0);
                q.entity = a.at<QString>(1);
                q.sinceMs = a.at<qint64>(2);
                q.merchantId = a.at<Id>(3);
                q.beforeSeq = a.at<qint64>(4);
                q.limit = a.at<std::optional<int>>(5).value_or(100);
                return c.auditLog(q);
            }),
        Def<AuditVerification>(Op::VerifyAudit, "GET", u"/v1/audit/verify"_s,
                               u"Walk the whole audit chain; names the first row that does not match"_s, u"Audit"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.verifyAudit(); }),
    };
}

} // namespace souk::api::operations
