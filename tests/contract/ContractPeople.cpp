// ContractSuite, third part: users, sign-in, second factors, API keys and the audit log.
#include <algorithm>

#include <QDateTime>
#include <QTest>

#include "backend/auth/Totp.h"
#include "tests/contract/ContractSuite.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk::auth;

namespace souk::test {
namespace {

constexpr int ChangeWaitMs = 10'000;

QString passwordOf(const QString& name)
{
    return name + u"'s long contract password"_s;
}

/// The authenticator app's code for the enrolment's secret, now.
QString codeNow(const TotpEnrolment& enrolment)
{
    const auto secret = Totp::fromBase32(enrolment.secretBase32);
    return secret ? Totp::code(*secret, Totp::stepAt(QDateTime::currentMSecsSinceEpoch())) : QString();
}

} // namespace

void ContractSuite::usersAreAddedAndListed()
{
    const auto added = settle(client().addUser(NewUser{u"cleo"_s, Role::Staff, seed().merchantA, {}}));
    QVERIFY_OK(added);
    QCOMPARE(added->user.name, u"cleo"_s);
    QCOMPARE(added->user.role, Role::Staff);
    QCOMPARE(added->user.merchantId, seed().merchantA);
    QVERIFY(added->user.mustChangePassword); // Souk made its password
    QVERIFY(added->oneTimePassword.size() >= 12);
    QVERIFY(!added->user.totpEnabled);
    QTRY_VERIFY_WITH_TIMEOUT(changeArrived(u"user"_s, added->user.id), ChangeWaitMs);
    const auto given =
        settle(client().addUser(NewUser{u"dora"_s, Role::Owner, seed().merchantB, passwordOf(u"dora"_s)}));
    QVERIFY_OK(given);
    QVERIFY(!given->user.mustChangePassword);
    QVERIFY(given->oneTimePassword.isEmpty());

    QCOMPARE_ERROR(settle(client().addUser(NewUser{u"cleo"_s, Role::Staff, seed().merchantA, {}})),
                   ErrorCode::Duplicate, u"name"_s);
    QCOMPARE_ERROR(settle(client().addUser(NewUser{u"eve"_s, Role::Staff, seed().merchantA, u"short"_s})),
                   ErrorCode::Invalid, u"password"_s);

    const auto users = settle(client().users());
    QVERIFY_OK(users);
    QStringList names;
    for (const User& u : *users)
        names << u.name;
    for (const QString& name : {u"ada"_s, u"olga"_s, u"bea"_s, u"sam"_s, u"cleo"_s, u"dora"_s})
        QVERIFY2(names.contains(name), qPrintable(names.join(u", "_s)));
    const auto cleo = std::find_if(users->cbegin(), users->cend(), [](const User& u) { return u.name == u"cleo"_s; });
    QCOMPARE(cleo->id, added->user.id);
    QCOMPARE(cleo->version, added->user.version);
}

void ContractSuite::signInChangePasswordSignOut()
{
    const auto added = settle(client().addUser(NewUser{u"finn"_s, Role::Staff, seed().merchantA, {}}));
    QVERIFY_OK(added);
    const auto anonymous = harness().anonymousClient();
    QVERIFY_OK(anonymous);
    Client& finn = **anonymous;
    QVERIFY(!finn.principal().isAuthenticated());
    QCOMPARE_ERROR(settle(finn.merchants()), ErrorCode::Unauthenticated, QString());

    QCOMPARE_ERROR(settle(finn.signIn(u"finn"_s, u"not the password"_s, {})), ErrorCode::Unauthenticated, QString());
    QCOMPARE_ERROR(settle(finn.signIn(u"nobody-by-this-name"_s, u"not the password"_s, {})), ErrorCode::Unauthenticated,
                   QString());
    const auto signedIn = settle(finn.signIn(u"finn"_s, added->oneTimePassword, {}));
    QVERIFY_OK(signedIn);
    QCOMPARE(signedIn->userName, u"finn"_s);
    QCOMPARE(signedIn->userId, added->user.id);
    QCOMPARE(signedIn->role, Role::Staff);
    QCOMPARE(signedIn->merchantId, seed().merchantA);
    QCOMPARE(signedIn->via, Via::Session);
    QVERIFY(signedIn->mustChangePassword);
    QCOMPARE(finn.principal().userId, added->user.id);
    QCOMPARE(finn.actor().user, u"finn"_s);

    // a one-time password lets its user set its own, and nothing else
    QCOMPARE_ERROR(settle(finn.merchants()), ErrorCode::Forbidden, u"password"_s);
    QCOMPARE_ERROR(settle(finn.changePassword(u"not it"_s, passwordOf(u"finn"_s))), ErrorCode::Unauthenticated,
                   u"currentPassword"_s);
    QCOMPARE_ERROR(settle(finn.changePassword(added->oneTimePassword, u"short"_s)), ErrorCode::Invalid,
                   u"newPassword"_s);
    const auto changed = settle(finn.changePassword(added->oneTimePassword, passwordOf(u"finn"_s)));
    QVERIFY_OK(changed);
    QVERIFY(*changed);
    QVERIFY(!finn.principal().mustChangePassword);
    // staff of A: A's merchant only, and no people
    const auto seen = settle(finn.merchants());
    QVERIFY_OK(seen);
    QCOMPARE(seen->size(), 1);
    QCOMPARE(seen->first().id, seed().merchantA);
    QCOMPARE_ERROR(settle(finn.users()), ErrorCode::Forbidden, QString());
    QCOMPARE_ERROR(settle(finn.orderDetail(seed().orderB)), ErrorCode::NotFound, u"orderId"_s);

    const auto out = settle(finn.signOut());
    QVERIFY_OK(out);
    QVERIFY(*out);
    QVERIFY(!finn.principal().isAuthenticated());
    QCOMPARE_ERROR(settle(finn.merchants()), ErrorCode::Unauthenticated, QString());
    // the new password is the one now
    QCOMPARE_ERROR(settle(finn.signIn(u"finn"_s, added->oneTimePassword, {})), ErrorCode::Unauthenticated, QString());
    const auto again = settle(finn.signIn(u"finn"_s, passwordOf(u"finn"_s), {}));
    QVERIFY_OK(again);
    QVERIFY(!again->mustChangePassword);
    QVERIFY_OK(settle(finn.signOut()));
}

void ContractSuite::secondFactorEnrolledAndReset()
{
    const auto added =
        settle(client().addUser(NewUser{u"gail"_s, Role::Owner, seed().merchantA, passwordOf(u"gail"_s)}));
    QVERIFY_OK(added);
    const auto anonymous = harness().anonymousClient();
    QVERIFY_OK(anonymous);
    Client& gail = **anonymous;
    QVERIFY_OK(settle(gail.signIn(u"gail"_s, passwordOf(u"gail"_s), {})));
    QCOMPARE_ERROR(settle(gail.confirmTotp(u"123456"_s)), ErrorCode::Conflict, u"code"_s); // nothing begun
    const auto enrolment = settle(gail.beginTotp());
    QVERIFY_OK(enrolment);
    QCOMPARE(enrolment->secretBase32.size(), 32); // 160 bits
    QVERIFY2(enrolment->uri.startsWith(u"otpauth://totp/"_s), qPrintable(enrolment->uri));
    QVERIFY(enrolment->uri.contains(u"gail"_s));
    QCOMPARE_ERROR(settle(gail.confirmTotp(u"000000"_s == codeNow(*enrolment) ? u"111111"_s : u"000000"_s)),
                   ErrorCode::Invalid, u"code"_s);
    const auto recovery = settle(gail.confirmTotp(codeNow(*enrolment)));
    QVERIFY_OK(recovery);
    QCOMPARE(recovery->size(), 10);
    QVERIFY_OK(settle(gail.signOut()));

    // from now on a sign-in needs the second factor: a recovery code serves once
    QCOMPARE_ERROR(settle(gail.signIn(u"gail"_s, passwordOf(u"gail"_s), {})), ErrorCode::Unauthenticated, u"code"_s);
    QVERIFY_OK(settle(gail.signIn(u"gail"_s, passwordOf(u"gail"_s), recovery->first())));
    QVERIFY_OK(settle(gail.signOut()));
    QCOMPARE_ERROR(settle(gail.signIn(u"gail"_s, passwordOf(u"gail"_s), recovery->first())), ErrorCode::Unauthenticated,
                   u"code"_s);

    const auto users = settle(client().users());
    QVERIFY_OK(users);
    const auto listed = std::find_if(users->cbegin(), users->cend(), [](const User& u) { return u.name == u"gail"_s; });
    QVERIFY(listed != users->cend());
    QVERIFY(listed->totpEnabled);
    const auto reset = settle(client().resetTotp(added->user.id, u"lost phone"_s));
    QVERIFY_OK(reset);
    QVERIFY(!reset->totpEnabled);
    // the failed sign-ins above slow the next one down: wait as long as the user's row says
    QVERIFY(reset->retryAfterMs > 0);
    QTest::qWait(int(std::max<qint64>(0, reset->retryAfterMs - QDateTime::currentMSecsSinceEpoch())) + 100);
    QVERIFY_OK(settle(gail.signIn(u"gail"_s, passwordOf(u"gail"_s), {})));
    QVERIFY_OK(settle(gail.signOut()));
}

void ContractSuite::disabledUserCannotSignIn()
{
    const auto added =
        settle(client().addUser(NewUser{u"hugo"_s, Role::Staff, seed().merchantA, passwordOf(u"hugo"_s)}));
    QVERIFY_OK(added);
    const auto disabled = settle(client().disableUser(added->user.id, u"left the shop"_s));
    QVERIFY_OK(disabled);
    QVERIFY(disabled->isDisabled());
    QVERIFY(disabled->version > added->user.version);
    QTRY_VERIFY_WITH_TIMEOUT(changeArrived(u"user"_s, added->user.id), ChangeWaitMs);
    const auto anonymous = harness().anonymousClient();
    QVERIFY_OK(anonymous);
    QCOMPARE_ERROR(settle((*anonymous)->signIn(u"hugo"_s, passwordOf(u"hugo"_s), {})), ErrorCode::AccountLocked,
                   QString());
    // an admin cannot disable itself
    QCOMPARE_ERROR(settle(client().disableUser(client().principal().userId, u"oops"_s)), ErrorCode::Conflict,
                   u"userId"_s);
}

void ContractSuite::apiKeysCreatedListedRevoked()
{
    const auto added =
        settle(client().addUser(NewUser{u"iris"_s, Role::Owner, seed().merchantA, passwordOf(u"iris"_s)}));
    QVERIFY_OK(added);
    const qint64 expiresMs = QDateTime::currentMSecsSinceEpoch() + 86'400'000;
    const auto created = settle(client().createApiKey(added->user.id, u"till"_s, expiresMs));
    QVERIFY_OK(created);
    QVERIFY2(created->secret.startsWith(u"sk_"_s), qPrintable(created->secret.left(3)));
    QVERIFY(created->secret.startsWith(created->info.prefix));
    QCOMPARE(created->info.userId, added->user.id);
    QCOMPARE(created->info.userName, u"iris"_s);
    QCOMPARE(created->info.name, u"till"_s);
    QCOMPARE(created->info.expiresMs, std::optional<qint64>(expiresMs));
    QVERIFY(!created->info.revokedMs);
    QTRY_VERIFY_WITH_TIMEOUT(changeArrived(u"api_key"_s, created->info.id), ChangeWaitMs);
    QCOMPARE_ERROR(settle(client().createApiKey({}, u"nobody's"_s, std::nullopt)), ErrorCode::Invalid, u"userId"_s);

    const auto hers = settle(client().apiKeys(added->user.id));
    QVERIFY_OK(hers);
    QCOMPARE(hers->size(), 1);
    QCOMPARE(hers->first().id, created->info.id);
    QCOMPARE(hers->first().prefix, created->info.prefix);
    const auto every = settle(client().apiKeys({}));
    QVERIFY_OK(every);
    QVERIFY(std::any_of(every->cbegin(), every->cend(), [&](const ApiKeyInfo& k) { return k.id == created->info.id; }));
    QVERIFY(std::any_of(every->cbegin(), every->cend(), [](const ApiKeyInfo& k) { return k.userName == u"ada"_s; }));

    const auto revoked = settle(client().revokeApiKey(created->info.id));
    QVERIFY_OK(revoked);
    QCOMPARE(revoked->id, created->info.id);
    QVERIFY(revoked->revokedMs.has_value());
    QVERIFY(settle(client().apiKeys(added->user.id))->first().revokedMs.has_value());
}

void ContractSuite::onceAnswersReplayTheirKey()
{
    // add_user: the retry answers the same user and one-time password; another request under
    // the key is refused, naming it, and adds nobody
    const QString userKey = newKey();
    const NewUser kira{u"kira"_s, Role::Owner, seed().merchantA, {}};
    const auto added = settle(client().addUser(kira, userKey));
    QVERIFY_OK(added);
    const auto addedAgain = settle(client().addUser(kira, userKey));
    QVERIFY_OK(addedAgain);
    QCOMPARE(addedAgain->user.id, added->user.id);
    QCOMPARE(addedAgain->user.version, added->user.version);
    QCOMPARE(addedAgain->oneTimePassword, added->oneTimePassword);
    QCOMPARE_ERROR(settle(client().addUser(NewUser{u"kirk"_s, Role::Owner, seed().merchantA, {}}, userKey)),
                   ErrorCode::IdempotencyConflict, u"idempotencyKey"_s);
    const auto users = settle(client().users());
    QVERIFY_OK(users);
    QCOMPARE(std::count_if(users->cbegin(), users->cend(), [](const User& u) { return u.name.startsWith(u"kir"_s); }),
             1);

    // create_api_key: one key, its secret answered again
    const QString apiKey = newKey();
    const auto created = settle(client().createApiKey(added->user.id, u"pos"_s, std::nullopt, apiKey));
    QVERIFY_OK(created);
    const auto createdAgain = settle(client().createApiKey(added->user.id, u"pos"_s, std::nullopt, apiKey));
    QVERIFY_OK(createdAgain);
    QCOMPARE(createdAgain->info.id, created->info.id);
    QCOMPARE(createdAgain->secret, created->secret);
    QCOMPARE_ERROR(settle(client().createApiKey(added->user.id, u"till"_s, std::nullopt, apiKey)),
                   ErrorCode::IdempotencyConflict, u"idempotencyKey"_s);
    const auto hers = settle(client().apiKeys(added->user.id));
    QVERIFY_OK(hers);
    QCOMPARE(hers->size(), 1);

    // begin_totp and confirm_totp, as a user of their own: the same secret, the same recovery codes
    const auto kurt =
        settle(client().addUser(NewUser{u"kurt"_s, Role::Staff, seed().merchantA, passwordOf(u"kurt"_s)}, newKey()));
    QVERIFY_OK(kurt);
    const auto anonymous = harness().anonymousClient();
    QVERIFY_OK(anonymous);
    Client& self = **anonymous;
    QVERIFY_OK(settle(self.signIn(u"kurt"_s, passwordOf(u"kurt"_s), {})));
    const QString beginKey = newKey();
    const auto enrolment = settle(self.beginTotp(beginKey));
    QVERIFY_OK(enrolment);
    const auto enrolmentAgain = settle(self.beginTotp(beginKey));
    QVERIFY_OK(enrolmentAgain);
    QCOMPARE(enrolmentAgain->secretBase32, enrolment->secretBase32);
    const QString confirmKey = newKey();
    const QString code = codeNow(*enrolment);
    const auto codes = settle(self.confirmTotp(code, confirmKey));
    QVERIFY_OK(codes); // the code of the first secret: the retry did not replace it
    const auto codesAgain = settle(self.confirmTotp(code, confirmKey));
    QVERIFY_OK(codesAgain);
    QCOMPARE(*codesAgain, *codes);
    QCOMPARE_ERROR(settle(self.confirmTotp(code == u"000000"_s ? u"111111"_s : u"000000"_s, confirmKey)),
                   ErrorCode::IdempotencyConflict, u"idempotencyKey"_s);
    QVERIFY_OK(settle(self.signOut()));
}

void ContractSuite::auditLogRecordsAndVerifies()
{
    const auto added =
        settle(client().addUser(NewUser{u"jade"_s, Role::Staff, seed().merchantA, passwordOf(u"jade"_s)}));
    QVERIFY_OK(added);
    AuditQuery about;
    about.entity = u"user:"_s + added->user.id.toString();
    const auto rows = settle(client().auditLog(about));
    QVERIFY_OK(rows);
    QVERIFY(!rows->isEmpty());
    const AuditRecord& newest = rows->first();
    QCOMPARE(newest.operation, u"add_user"_s);
    QCOMPARE(newest.outcome, u"ok"_s);
    QCOMPARE(newest.userName, u"ada"_s);
    QCOMPARE(newest.role, u"admin"_s);
    QCOMPARE(newest.via, u"api_key"_s);
    QVERIFY(newest.objects.contains(about.entity));

    // a refusal is recorded with its code
    QVERIFY(!settle(client().addUser(NewUser{u"jade"_s, Role::Staff, seed().merchantA, passwordOf(u"jade"_s)})));
    AuditQuery mine;
    mine.user = u"ADA"_s; // any case
    mine.limit = 5;
    const auto recent = settle(client().auditLog(mine));
    QVERIFY_OK(recent);
    QVERIFY(!recent->isEmpty() && recent->size() <= 5);
    QCOMPARE(recent->first().operation, u"add_user"_s);
    QCOMPARE(recent->first().outcome, u"duplicate"_s);
    for (qsizetype i = 1; i < recent->size(); ++i)
        QVERIFY(recent->at(i - 1).seq > recent->at(i).seq);
    AuditQuery older = mine;
    older.beforeSeq = recent->first().seq;
    const auto page = settle(client().auditLog(older));
    QVERIFY_OK(page);
    QCOMPARE(page->first().seq, recent->at(1).seq);

    const auto verified = settle(client().verifyAudit());
    QVERIFY_OK(verified);
    QVERIFY(verified->rows >= recent->first().seq);
    QVERIFY2(!verified->firstBadSeq, qPrintable(verified->problem));
}

} // namespace souk::test
