#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include "backend/auth/Access.h"
#include "backend/auth/AuditRecord.h"
#include "backend/auth/Operation.h"
#include "backend/auth/Principal.h"
#include "backend/engine/Engine.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/Reviews.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"
#include "tests/unit/TestPermissions.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;
using namespace souk::orders;
using namespace souk::payments;
using souk::auth::Operation;
using souk::auth::Role;
using souk::test::StoreFixture;
using namespace souk::test::permissions;

namespace {
/// A connection of the test's own to a closed store file, removed when it goes.
class RawStore final
{
    Q_DISABLE_COPY_MOVE(RawStore)
public:
    explicit RawStore(const QString& path) : m_name(u"raw-%1"_s.arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawStore()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    static inline int s_count = 0;
    QString m_name;
};

/// Every table's contents (the audit log aside: refusals are written there), one hash a table,
/// so that a failure names the table that changed. Order-independent within a table.
QMap<QString, QByteArray> contents(const QString& storePath)
{
    RawStore raw(storePath);
    QMap<QString, QByteArray> out;
    QStringList tables;
    {
        QSqlQuery q(raw.db());
        q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
               "AND name <> 'audit_log' ORDER BY name"_s);
        while (q.next())
            tables << q.value(0).toString();
    }
    for (const QString& table : tables) {
        QSqlQuery q(raw.db());
        if (!q.exec(u"SELECT * FROM \"%1\""_s.arg(table))) {
            out.insert(table, "unreadable: " + q.lastError().text().toUtf8());
            continue;
        }
        QStringList rows;
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i) {
                const QVariant v = q.value(i);
                values << (v.isNull()                            ? u"<null>"_s
                           : v.typeId() == QMetaType::QByteArray ? QString::fromLatin1(v.toByteArray().toHex())
                                                                 : v.toString());
            }
            rows << values.join(QChar(0x1f));
        }
        rows.sort();
        out.insert(table, QCryptographicHash::hash(rows.join(QChar(0x1e)).toUtf8(), QCryptographicHash::Sha256));
    }
    return out;
}

/// Audit rows of `principal` running `operation` that ended with `outcome` ("ok", "forbidden").
int auditCount(const QString& storePath, const QString& operation, const auth::Principal& principal,
               const QString& outcome)
{
    RawStore raw(storePath);
    QSqlQuery q(raw.db());
    q.prepare(u"SELECT count(*) FROM audit_log WHERE operation = ? AND user_name = ? AND role = ? AND outcome = ?"_s);
    q.addBindValue(operation);
    q.addBindValue(principal.userName);
    q.addBindValue(auth::roleName(principal.role));
    q.addBindValue(outcome);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

namespace {

/// Operations that Client has no method for yet: an operation added to the table goes here
/// until Client can ask it, then gets a call below; the coverage test fails for one in neither.
/// (Sign-in, users, API keys and the audit log were here until Client gained them.)
const QList<Operation> NotYetReachable = {};

/// Every user of the store signs in with it.
const QString Password = u"correct horse battery staple"_s;


} // namespace

void TestPermissions::initTestCase()
{
    // made by the store's local owner, who may do everything: the rows then change principal
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, m_clock);
    QVERIFY(m_f->ok());
    m_merchant = m_f->merchantId();
    m_location = m_f->locationId();
    LocalClient& c = m_f->client();
    checked(wait(c.setMerchantTerms(MerchantTerms{m_merchant, 0, 0, 0, 0, 30, 0}, test::newKey())), "terms");
    m_mug = m_f->addProduct(u"Mug"_s, {u"MUG-1"_s}, 1500, 100, u"Kitchen"_s);
    Product plate = m_f->addProduct(u"Plate"_s, {u"PLT-1"_s}, 900);
    plate.title = u"Plate, white"_s;
    m_plateEdit = checked(wait(c.editProduct(plate, test::newKey())), "edit");
    const Product bowl = m_f->addProduct(u"Bowl"_s, {u"BWL-1"_s}, 700);
    BulkEdit bulk;
    bulk.merchantId = m_merchant;
    bulk.productIds = {bowl.id};
    bulk.kind = BulkEdit::Kind::SetCategory;
    bulk.category = u"Tableware"_s;
    m_bowlEdit = checked(wait(c.bulkEdit(bulk, test::newKey())), "bulk edit");
    m_plan = checked(wait(c.planImport(m_merchant, "Handle,Title,Variant SKU,Variant Price\nvase,Vase,VAS-1,12.00\n",
                                       CsvFormat::Shopify, {})),
                     "import plan");
    QVERIFY(m_plan.ok());

    Customer customer;
    customer.name = u"Ana Lima"_s;
    customer.email = u"ana@example.com"_s;
    m_customer = checked(wait(c.createCustomer(customer, test::newKey())), "customer").id;
    const auto order = [&] {
        return checked(wait(c.createOrder(NewOrder{m_merchant, m_customer, {{u"MUG-1"_s, 2}}, {}, {}}, test::newKey())),
                       "order")
            .id;
    };
    const auto authorized = [&](Id orderId) {
        return checked(wait(c.authorizePayment(orderId, card(), test::newKey())), "authorize").id;
    };
    const auto captured = [&] {
        const Id orderId = order();
        return checked(wait(c.capturePayment(authorized(orderId), std::nullopt, test::newKey())), "capture");
    };
    m_pendingOrder = order();
    m_authorizedPayment = authorized(order());
    const Payment sale = captured();
    m_capturedOrder = sale.orderId;
    m_capturedPayment = sale.id;
    m_openDispute = checked(wait(c.openDispute(captured().id, 100, u"fraudulent"_s, test::newKey())), "dispute").id;
    m_reviewedDispute =
        checked(wait(c.openDispute(captured().id, 100, u"not received"_s, test::newKey())), "dispute").id;
    checked(wait(c.submitDisputeEvidence(m_reviewedDispute, test::newKey())), "evidence");
    addRisk();
    QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    addPeople();
    QCOMPARE(m_signedIn.size(), int(std::size(auth::AllRoles)));

    m_templatePath = m_f->storePath();
    m_f->close(); // every write is in the file: the rows copy it
    m_templateContents = contents(m_templatePath);
    QVERIFY(m_templateContents.contains(u"orders"_s));
}

void TestPermissions::addPeople()
{
    LocalClient& c = m_f->client();
    const auto add = [&](const QString& name, Role role) {
        const auth::NewUser user{name, role, auth::isMerchantRole(role) ? m_merchant : Id{}, Password};
        return checked(outcomeValue(c.addUser(user)), "add user").user.id;
    };
    for (Role role : auth::AllRoles)
        add(auth::roleName(role) + u"-user"_s, role);
    m_kim = add(u"kim"_s, Role::Staff);
    m_kimKey = checked(outcomeValue(c.createApiKey(m_kim, u"till"_s, std::nullopt)), "api key").info.id;
    // each from a client of its own that no one signed in to: a sign-in over another session
    // would end that one
    for (Role role : auth::AllRoles) {
        m_f->close();
        m_f->options().principal = auth::Principal::nobody();
        QVERIFY(m_f->reopen());
        const auto signedIn = outcomeValue(m_f->client().signIn(auth::roleName(role) + u"-user"_s, Password, {}));
        QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().toString()));
        QCOMPARE(signedIn->via, auth::Via::Session);
        QCOMPARE(signedIn->merchantId, auth::isMerchantRole(role) ? m_merchant : Id{});
        m_signedIn.insert(int(role), *signedIn);
    }
}


void TestPermissions::cleanupTestCase()
{
    m_f.reset();
}

QMap<Operation, TestPermissions::Call> TestPermissions::calls() const
{
    QMap<Operation, Call> c;
    const QString key = test::newKey(); // one per row: each row calls once
    addCatalogCalls(c, key);
    addStockAndImportCalls(c, key);
    addOrderCalls(c, key);
    addPaymentCalls(c, key);
    addPeopleCalls(c);
    addRiskCalls(c);
    return c;
}

void TestPermissions::addCatalogCalls(QMap<Operation, Call>& c, const QString& key) const
{
    c[Operation::ListMerchants] = [=, this](LocalClient& l) { return QList{outcome("merchants", l.merchants())}; };
    c[Operation::ListLocations] = [=, this](LocalClient& l) {
        return QList{outcome("locations", l.locations(m_merchant))};
    };
    c[Operation::ReadCatalog] = [=, this](LocalClient& l) {
        return QList{outcome("productPage", l.productPage({m_merchant, {}, 100})),
                     outcome("productSummaries", l.productSummaries({m_mug.id})),
                     outcome("product", l.product(m_mug.id)), outcome("categories", l.categories(m_merchant))};
    };
    c[Operation::SearchProducts] = [=, this](LocalClient& l) {
        return QList{outcome("searchProducts", l.searchProducts(m_merchant, u"Mug"_s, 10))};
    };
    c[Operation::SaveProduct] = [=, this](LocalClient& l) {
        Product jug;
        jug.merchantId = m_merchant;
        jug.title = u"Jug"_s;
        jug.status = ProductStatus::Active;
        Variant v;
        v.sku = u"JUG-1"_s;
        v.price = m_f->money(1200);
        jug.variants = {v};
        return QList{outcome("saveProduct", l.saveProduct(jug))};
    };
    c[Operation::EditProduct] = [=, this](LocalClient& l) {
        Product plate = m_plateEdit.after;
        plate.title = u"Plate, matt"_s;
        return QList{outcome("editProduct", l.editProduct(plate, key))};
    };
    c[Operation::UndoProductEdit] = [=, this](LocalClient& l) {
        return QList{outcome("undoProductEdit", l.undoProductEdit(m_plateEdit, key))};
    };
    c[Operation::BulkEdit] = [=, this](LocalClient& l) {
        BulkEdit bulk;
        bulk.merchantId = m_merchant;
        bulk.productIds = {m_mug.id};
        bulk.kind = BulkEdit::Kind::AdjustPriceByPercent;
        bulk.basisPoints = 1000;
        return QList{outcome("bulkEdit", l.bulkEdit(bulk, key))};
    };
    c[Operation::UndoBulkEdit] = [=, this](LocalClient& l) {
        return QList{outcome("undoBulkEdit", l.undoBulkEdit(m_bowlEdit, key))};
    };
}

void TestPermissions::addStockAndImportCalls(QMap<Operation, Call>& c, const QString& key) const
{
    c[Operation::ReadStock] = [=, this](LocalClient& l) {
        return QList{outcome("stockLevels", l.stockLevels(m_mug.id)),
                     outcome("movements", l.movements(m_mug.variants[0].id, 10))};
    };
    c[Operation::AdjustStock] = [=, this](LocalClient& l) {
        const StockAdjustment a{m_mug.variants[0].id, m_location, MovementKind::Received, 5, u"delivery"_s, -1};
        return QList{outcome("adjustStock", l.adjustStock(a, key))};
    };
    c[Operation::PlanImport] = [=, this](LocalClient& l) {
        return QList{outcome("planImport", l.planImport(m_merchant,
                                                        "Handle,Title,Variant SKU,Variant Price\n"
                                                        "cup,Cup,CUP-1,4.00\n",
                                                        CsvFormat::Shopify, {}))};
    };
    c[Operation::RunImport] = [=, this](LocalClient& l) {
        return QList{outcome("runImport", l.runImport(m_merchant, m_plan, {}))};
    };
    c[Operation::ExportCatalog] = [=, this](LocalClient& l) {
        return QList{outcome("exportCatalog", l.exportCatalog(m_merchant, CsvFormat::Souk))};
    };
}

void TestPermissions::addOrderCalls(QMap<Operation, Call>& c, const QString& key) const
{
    const NewOrder basket{m_merchant, m_customer, {{u"MUG-1"_s, 1}}, {}, {}};
    c[Operation::CreateCustomer] = [=, this](LocalClient& l) {
        Customer bo;
        bo.name = u"Bo Berg"_s;
        bo.email = u"bo@example.com"_s;
        return QList{outcome("createCustomer", l.createCustomer(bo, key))};
    };
    c[Operation::SetMerchantTerms] = [=, this](LocalClient& l) {
        return QList{
            outcome("setMerchantTerms", l.setMerchantTerms(MerchantTerms{m_merchant, 0, 0, 0, 0, 45, 0}, key))};
    };
    c[Operation::AddDiscountCode] = [=, this](LocalClient& l) {
        return QList{
            outcome("addDiscountCode",
                    l.addDiscountCode(DiscountCode{m_merchant, u"SPRING"_s, DiscountKind::Fixed, 100, true}, key))};
    };
    c[Operation::CreateOrder] = [=, this](LocalClient& l) {
        return QList{outcome("createOrder", l.createOrder(basket, key))};
    };
    c[Operation::CancelOrder] = [=, this](LocalClient& l) {
        return QList{outcome("cancelOrder", l.cancelOrder(m_pendingOrder, u"customer asked"_s, key))};
    };
    c[Operation::AdvanceOrder] = [=, this](LocalClient& l) {
        return QList{
            outcome("advanceOrder", l.advanceOrder(m_capturedOrder, OrderStatus::Fulfilling, u"packing"_s, key))};
    };
    c[Operation::ReadOrders] = [=, this](LocalClient& l) {
        OrderQuery query;
        query.merchantId = m_merchant;
        return QList{outcome("orderPage", l.orderPage(query)), outcome("ordersById", l.ordersById({m_pendingOrder})),
                     outcome("orderDetail", l.orderDetail(m_pendingOrder)),
                     outcome("orderCounters", l.orderCounters(m_merchant, 0))};
    };
}

void TestPermissions::addPaymentCalls(QMap<Operation, Call>& c, const QString& key) const
{
    const NewOrder basket{m_merchant, m_customer, {{u"MUG-1"_s, 1}}, {}, {}};
    c[Operation::Checkout] = [=, this](LocalClient& l) {
        return QList{outcome("checkout", l.checkout(basket, card(), true, key))};
    };
    c[Operation::AuthorizePayment] = [=, this](LocalClient& l) {
        return QList{outcome("authorizePayment", l.authorizePayment(m_pendingOrder, card(), key))};
    };
    c[Operation::CapturePayment] = [=, this](LocalClient& l) {
        return QList{outcome("capturePayment", l.capturePayment(m_authorizedPayment, std::nullopt, key))};
    };
    c[Operation::VoidPayment] = [=, this](LocalClient& l) {
        return QList{outcome("voidPayment", l.voidPayment(m_authorizedPayment, u"not needed"_s, key))};
    };
    c[Operation::RefundPayment] = [=, this](LocalClient& l) {
        return QList{outcome("refundPayment", l.refundPayment(m_capturedPayment, 100, u"scratched"_s, key))};
    };
    c[Operation::OpenDispute] = [=, this](LocalClient& l) {
        return QList{outcome("openDispute", l.openDispute(m_capturedPayment, 100, u"fraudulent"_s, key))};
    };
    c[Operation::SubmitDisputeEvidence] = [=, this](LocalClient& l) {
        return QList{outcome("submitDisputeEvidence", l.submitDisputeEvidence(m_openDispute, key))};
    };
    c[Operation::ResolveDispute] = [=, this](LocalClient& l) {
        return QList{outcome("resolveDispute", l.resolveDispute(m_reviewedDispute, true, key))};
    };
    c[Operation::Payout] = [=, this](LocalClient& l) {
        return QList{outcome("payout", l.payout(m_merchant, {}, key))};
    };
    c[Operation::ReadPayouts] = [=, this](LocalClient& l) { return QList{outcome("payouts", l.payouts(m_merchant))}; };
    c[Operation::ReadLedger] = [=, this](LocalClient& l) {
        return QList{outcome("ledgerBalances", l.ledgerBalances(m_merchant))};
    };
    c[Operation::RunMaintenance] = [=, this](LocalClient& l) {
        return QList{outcome("runMaintenance", l.runMaintenance())};
    };
    // not a Client method: LocalClient's (soukctl check), under the same table
    c[Operation::CheckStore] = [=, this](LocalClient& l) { return QList{outcome("checkStore", l.checkStore())}; };
}

void TestPermissions::addPeopleCalls(QMap<Operation, Call>& c) const
{
    c[Operation::SignIn] = [](LocalClient& l) {
        return QList{outcome("signIn", l.signIn(l.principal().userName, Password, {}))};
    };
    c[Operation::SignOut] = [](LocalClient& l) { return QList{outcome("signOut", l.signOut())}; };
    c[Operation::ChangePassword] = [](LocalClient& l) {
        return QList{outcome("changePassword", l.changePassword(Password, u"another long password"_s))};
    };
    c[Operation::ListUsers] = [](LocalClient& l) { return QList{outcome("users", l.users())}; };
    c[Operation::AddUser] = [this](LocalClient& l) {
        const auth::NewUser lee{u"lee"_s, Role::Staff, m_merchant, Password};
        return QList{outcome("addUser", l.addUser(lee))};
    };
    c[Operation::DisableUser] = [this](LocalClient& l) {
        return QList{outcome("disableUser", l.disableUser(m_kim, u"left the shop"_s))};
    };
    c[Operation::ResetTotp] = [this](LocalClient& l) {
        return QList{outcome("resetTotp", l.resetTotp(m_kim, u"lost the phone"_s))};
    };
    c[Operation::EnrolTotp] = [](LocalClient& l) { return QList{outcome("beginTotp", l.beginTotp())}; };
    c[Operation::ListApiKeys] = [this](LocalClient& l) { return QList{outcome("apiKeys", l.apiKeys(m_kim))}; };
    c[Operation::CreateApiKey] = [this](LocalClient& l) {
        return QList{outcome("createApiKey", l.createApiKey(m_kim, u"scale"_s, std::nullopt))};
    };
    c[Operation::RevokeApiKey] = [this](LocalClient& l) {
        return QList{outcome("revokeApiKey", l.revokeApiKey(m_kimKey))};
    };
    c[Operation::ReadAudit] = [](LocalClient& l) { return QList{outcome("auditLog", l.auditLog(auth::AuditQuery{}))}; };
    c[Operation::VerifyAudit] = [](LocalClient& l) { return QList{outcome("verifyAudit", l.verifyAudit())}; };
}


auth::Principal TestPermissions::principalFor(Role role) const
{
    // a real user with a real session: owner and staff of the merchant, the platform roles of none
    return m_signedIn.value(int(role));
}

std::unique_ptr<LocalClient> TestPermissions::openCopy(const QTemporaryDir& dir, const auth::Principal& principal)
{
    const QString path = dir.filePath(u"copy.souk"_s);
    if (!QFile::copy(m_templatePath, path))
        return nullptr;
    if (QFile::exists(m_templatePath + u"-wal"_s) && !QFile::copy(m_templatePath + u"-wal"_s, path + u"-wal"_s))
        return nullptr;
    LocalClient::Options options = m_f->options();
    options.store.path = path;
    options.principal = principal;
    options.provider = std::make_shared<SimulatedProvider>(0);
    auto client = LocalClient::open(options, m_clock);
    if (!client) {
        qWarning().noquote() << "cannot open the copy:" << client.error().toString();
        return nullptr;
    }
    return std::move(client).value();
}

void TestPermissions::everyReachableOperationHasACall()
{
    QSet<Operation> expected;
    for (const auth::OperationSpec& spec : auth::operations()) {
        if (!NotYetReachable.contains(spec.op))
            expected.insert(spec.op);
    }
    const QList<Operation> covered = calls().keys();
    QStringList missing, extra;
    for (Operation op : expected) {
        if (!covered.contains(op))
            missing << auth::operationName(op);
    }
    for (Operation op : covered) {
        if (!expected.contains(op))
            extra << auth::operationName(op);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"operations without a call here: "_s + missing.join(u", "_s)));
    QVERIFY2(extra.isEmpty(), qPrintable(u"called here but listed as not reachable: "_s + extra.join(u", "_s)));
}

void TestPermissions::matrix_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<int>("role");
    for (const auth::OperationSpec& spec : auth::operations()) {
        if (NotYetReachable.contains(spec.op))
            continue;
        for (Role role : auth::AllRoles) {
            QTest::addRow("%s/%s", qPrintable(auth::operationName(spec.op)), qPrintable(auth::roleName(role)))
                << int(spec.op) << int(role);
        }
    }
}

void TestPermissions::matrix()
{
    QFETCH(int, op);
    QFETCH(int, role);
    const auto operation = Operation(op);
    const auto call = calls().value(operation);
    QVERIFY2(call, "no call for this operation (see everyReachableOperationHasACall)");
    const auth::Principal principal = principalFor(Role(role));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto client = openCopy(dir, principal);
    QVERIFY(client);
    const QList<Outcome> outcomes = call(*client);
    client.reset(); // the writer drains its queue: a refused read's audit row is in the file
    QVERIFY(!outcomes.isEmpty());

    const QString path = dir.filePath(u"copy.souk"_s);
    const auto auditRows = [&](const QString& outcomeName) {
        return auditCount(path, auth::operationName(operation), principal, outcomeName);
    };

    if (auth::allowed(principal.role, operation)) {
        for (const Outcome& o : outcomes) {
            QVERIFY2(!o.error || o.error->code != ErrorCode::Forbidden, qPrintable(describe(o)));
            // the store holds what every call needs: an allowed one that fails points at the setup or a bug
            QVERIFY2(!o.error, qPrintable(describe(o)));
        }
        if (!auth::specOf(operation).mutation)
            return;
        if (operation != Operation::RunMaintenance) // a pass with nothing due changes nothing
            QVERIFY2(contents(path) != m_templateContents, "an allowed command changed nothing the fingerprint sees");
        QVERIFY2(auditRows(u"ok"_s) >= 1, "an allowed command left no audit row");
        return;
    }
    for (const Outcome& o : outcomes) {
        QVERIFY2(o.error, qPrintable(describe(o)));
        QVERIFY2(o.error->code == ErrorCode::Forbidden, qPrintable(describe(o)));
    }
    const QMap<QString, QByteArray> after = contents(path);
    for (auto it = m_templateContents.cbegin(); it != m_templateContents.cend(); ++it)
        QVERIFY2(after.value(it.key()) == it.value(), qPrintable(u"a refused call changed "_s + it.key()));
    QCOMPARE(after.keys(), m_templateContents.keys());
    QCOMPARE(auditRows(u"forbidden"_s), int(outcomes.size())); // one row for each refused call
}

void TestPermissions::nobodyIsUnauthenticated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto client = openCopy(dir, auth::Principal::nobody());
    QVERIFY(client);
    const Outcome read = outcome("merchants", client->merchants());
    Customer bo;
    bo.name = u"Bo Berg"_s;
    bo.email = u"bo@example.com"_s;
    const Outcome write = outcome("createCustomer", client->createCustomer(bo, test::newKey()));
    client.reset();
    for (const Outcome& o : {read, write}) {
        QVERIFY2(o.error, qPrintable(describe(o)));
        QVERIFY2(o.error->code == ErrorCode::Unauthenticated, qPrintable(describe(o)));
    }
    const QString path = dir.filePath(u"copy.souk"_s);
    const QMap<QString, QByteArray> after = contents(path);
    for (auto it = m_templateContents.cbegin(); it != m_templateContents.cend(); ++it)
        QVERIFY2(after.value(it.key()) == it.value(), qPrintable(u"a refused call changed "_s + it.key()));
    RawStore raw(path);
    QSqlQuery q(raw.db());
    QVERIFY(q.exec(u"SELECT operation FROM audit_log WHERE user_name = 'nobody' AND outcome = 'unauthenticated' "
                   "ORDER BY seq"_s));
    QStringList audited;
    while (q.next())
        audited << q.value(0).toString();
    QCOMPARE(audited, (QStringList{u"list_merchants"_s, u"create_customer"_s}));
}


QTEST_GUILESS_MAIN(TestPermissions)
