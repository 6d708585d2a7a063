// The JSON forms of users, API keys, second factors and the audit log. No secret is answered
// but the ones made for the caller to hand over once: a one-time password, a new key, a TOTP secret.
#include "backend/api/schema/Types.h"

using namespace Qt::StringLiterals;
using namespace souk::auth;

namespace souk::api {

const ObjectSpec<User>& Object<User>::spec()
{
    using S = ObjectSpec<User>;
    static const auto s =
        S(u"User"_s, u"A person or program that signs in; its secrets never leave the store"_s)
            .field(u"id"_s, &User::id, u"The user's id"_s, S::ReadOnly)
            .field(u"name"_s, &User::name, u"The name it signs in with"_s, S::ReadOnly)
            .field(u"role"_s, &User::role, u"What it may do"_s, S::ReadOnly)
            .field(u"merchant_id"_s, &User::merchantId, u"Its merchant (owner and staff), or null"_s, S::ReadOnly)
            .field(u"totp_enabled"_s, &User::totpEnabled, u"Signs in with a second factor"_s, S::ReadOnly)
            .field(u"failed_sign_ins"_s, &User::failedSignIns, u"Failed sign-ins in a row"_s, S::ReadOnly)
            .field(u"retry_after_ms"_s, &User::retryAfterMs, u"No sign-in is tried before this time"_s, S::ReadOnly)
            .field(u"last_sign_in_ms"_s, &User::lastSignInMs, u"Last signed in at, or null"_s, S::ReadOnly)
            .field(u"disabled_ms"_s, &User::disabledMs, u"Disabled at, or null"_s, S::ReadOnly)
            .field(u"must_change_password"_s, &User::mustChangePassword, u"Its password was made by Souk"_s,
                   S::ReadOnly)
            .field(u"created_ms"_s, &User::createdMs, u"Added at (ms since epoch)"_s, S::ReadOnly)
            .field(u"version"_s, &User::version, u"Bumped on every change"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<NewUser>& Object<NewUser>::spec()
{
    using S = ObjectSpec<NewUser>;
    static const auto s =
        S(u"NewUser"_s, u"A user to add"_s)
            .field(u"name"_s, &NewUser::name, u"The name it signs in with"_s)
            .field(u"role"_s, &NewUser::role, u"owner, staff, support, operator or admin"_s)
            .field(u"merchant_id"_s, &NewUser::merchantId, u"Its merchant: required for owner and staff"_s,
                   S::Optional)
            .field(u"password"_s, &NewUser::password, u"Its password; absent or empty: a one-time one, answered in this answer only (a retry with the same Idempotency-Key within 24 h answers it again)"_s,
                   S::Optional);
    return s;
}

const ObjectSpec<AddedUser>& Object<AddedUser>::spec()
{
    using S = ObjectSpec<AddedUser>;
    static const auto s =
        S(u"AddedUser"_s, u"The user added, with the password Souk made for it"_s)
            .field(u"user"_s, &AddedUser::user, u"The user"_s, S::ReadOnly)
            .field(u"one_time_password"_s, &AddedUser::oneTimePassword,
                   u"To hand over; answered here only (and to a retry with the same Idempotency-Key within 24 h); empty when a password was given"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<ApiKeyInfo>& Object<ApiKeyInfo>::spec()
{
    using K = ApiKeyInfo;
    using S = ObjectSpec<K>;
    static const auto s = S(u"ApiKey"_s, u"An API key as listings show it: its prefix only"_s)
                              .field(u"id"_s, &K::id, u"The key's id"_s, S::ReadOnly)
                              .field(u"user_id"_s, &K::userId, u"The user it acts as"_s, S::ReadOnly)
                              .field(u"user_name"_s, &K::userName, u"That user's name"_s, S::ReadOnly)
                              .field(u"name"_s, &K::name, u"What it is for"_s, S::ReadOnly)
                              .field(u"prefix"_s, &K::prefix, u"Its first characters, to recognise it"_s, S::ReadOnly)
                              .field(u"created_ms"_s, &K::createdMs, u"Made at (ms since epoch)"_s, S::ReadOnly)
                              .field(u"expires_ms"_s, &K::expiresMs, u"Expires at, or null"_s, S::ReadOnly)
                              .field(u"last_used_ms"_s, &K::lastUsedMs, u"Last used at, or null"_s, S::ReadOnly)
                              .field(u"revoked_ms"_s, &K::revokedMs, u"Revoked at, or null"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<CreatedApiKey>& Object<CreatedApiKey>::spec()
{
    using S = ObjectSpec<CreatedApiKey>;
    static const auto s = S(u"CreatedApiKey"_s, u"A key just made: its secret is in this answer only (and in a retry's with the same Idempotency-Key within 24 h)"_s)
                              .field(u"api_key"_s, &CreatedApiKey::info, u"The key"_s, S::ReadOnly)
                              .field(u"secret"_s, &CreatedApiKey::secret, u"The key itself (sk_...)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<TotpEnrolment>& Object<TotpEnrolment>::spec()
{
    using S = ObjectSpec<TotpEnrolment>;
    static const auto s =
        S(u"TotpEnrolment"_s, u"A second factor's secret to add to an authenticator app; confirm a code to use it"_s)
            .field(u"secret_base32"_s, &TotpEnrolment::secretBase32, u"The secret as text"_s, S::ReadOnly)
            .field(u"uri"_s, &TotpEnrolment::uri, u"The otpauth:// URI, for a QR code"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<AuditRecord>& Object<AuditRecord>::spec()
{
    using A = AuditRecord;
    using S = ObjectSpec<A>;
    static const auto s =
        S(u"AuditRecord"_s, u"One row of the hash-chained audit log: who did what, on what, and how it ended"_s)
            .field(u"seq"_s, &A::seq, u"Its place in the chain; the cursor of the next page"_s, S::ReadOnly)
            .field(u"at_ms"_s, &A::atMs, u"When (ms since epoch)"_s, S::ReadOnly)
            .field(u"user_id"_s, &A::userId, u"The user, or null"_s, S::ReadOnly)
            .field(u"user_name"_s, &A::userName, u"The user's name"_s, S::ReadOnly)
            .field(u"role"_s, &A::role, u"Its role then"_s, S::ReadOnly)
            .field(u"merchant_id"_s, &A::merchantId, u"The merchant it was about; null: the platform"_s, S::ReadOnly)
            .field(u"via"_s, &A::via, u"How it proved who it was"_s, S::ReadOnly)
            .field(u"credential_id"_s, &A::credentialId, u"The session or API key"_s, S::ReadOnly)
            .field(u"origin"_s, &A::origin, u"From where"_s, S::ReadOnly)
            .field(u"operation"_s, &A::operation, u"The operation's name"_s, S::ReadOnly)
            .field(u"objects"_s, &A::objects, u"What it was about (\"payment:123\")"_s, S::ReadOnly)
            .field(u"reason"_s, &A::reason, u"The reason given"_s, S::ReadOnly)
            .field(u"outcome"_s, &A::outcome, u"ok, or the error's code"_s, S::ReadOnly)
            .field(u"detail"_s, &A::detail, u"The error's message"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<AuditVerification>& Object<AuditVerification>::spec()
{
    using V = AuditVerification;
    using S = ObjectSpec<V>;
    static const auto s = S(u"AuditVerification"_s, u"What a walk of the audit chain found"_s)
                              .field(u"rows"_s, &V::rows, u"Rows read"_s, S::ReadOnly)
                              .field(u"first_bad_seq"_s, &V::firstBadSeq, u"The first row that does not match, or null"_s,
                                     S::ReadOnly)
                              .field(u"problem"_s, &V::problem, u"Why it does not match"_s, S::ReadOnly);
    return s;
}

} // namespace souk::api
