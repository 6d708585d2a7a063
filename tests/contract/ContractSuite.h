#pragma once

#include <QObject>

#include "backend/client/Client.h"
#include "tests/contract/ContractHarness.h"

namespace souk::test {

/// The Client contract: every operation of the API's table, run through a Client that a
/// harness gives (in process or over HTTPS), asserting the same values and, for refusals, the
/// same code and the same field (as the engine names it). Both variants start from the store
/// NodeFixture seeds; each case makes what it changes (its own products, orders, users), so the
/// cases hold in any order. The exceptions say so where they are. Designed for inheritance: a
/// variant adds the cases only it has. Lives on the test thread.
class ContractSuite : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContractSuite)
public:
    explicit ContractSuite(ContractHarness& harness, QObject* parent = nullptr);
    ~ContractSuite() override;

    /// Which case exercises each operation of the API's table (its operationId): the coverage
    /// the suite claims, checked by everyOperationHasACase().
    static const QList<std::pair<QString, const char*>>& coverage();

protected:
    Client& client() { return m_harness.client(); }
    ContractHarness& harness() { return m_harness; }
    const NodeFixture::Seed& seed() const { return m_harness.seed(); }
    /// Whether the change feed brought a change of `entity` `id` since the case began.
    bool changeArrived(const QString& entity, Id id) const;
    /// Money of merchant A (EUR).
    static Money eur(qint64 minor);
    /// Saves a new active product of merchant A with one variant per SKU, and receives `stock`
    /// of each at A's first location.
    Result<catalog::Product> makeProduct(const QString& title, const QStringList& skus, qint64 priceMinor,
                                         qint64 stock = 0);
    /// An order of merchant A for the seeded customer: `quantity` mugs.
    orders::NewOrder mugs(qint64 quantity) const;
    /// Checks out `quantity` mugs with the approved test card, captured or only authorized.
    Result<payments::Checkout> paidMugs(qint64 quantity, bool capture);
    /// Saves and activates the rules the risk cases share: a checkout from the device
    /// "contract-blocked" is blocked, one from "contract-held" held for review. Its version.
    Result<qint64> activateContractRules();
    /// A captured checkout of `quantity` mugs from the device "contract-held": held, and its review.
    Result<std::pair<payments::Checkout, Id>> heldMugs(qint64 quantity);

private slots:
    void initTestCase();
    void init();

    // catalog (ContractCatalog.cpp)
    void merchantsAndLocations();
    void productPageAndSummaries();
    void searchFindsAnyScript();
    void saveProductCreatesUpdatesAndRefusesStaleVersion();
    void editProductAndUndo();
    void bulkEditAndUndo();
    void stockAdjustedAndJournaled();
    void importPlannedAndRun();
    void exportHasTheCatalog();

    // orders and payments (ContractOrders.cpp)
    void customersTermsAndDiscountCodes();
    void createOrderReplaysItsKey();
    void cancelAndAdvanceOrders();
    void orderListsAndCounters();
    void checkoutApprovedAndDeclined();
    void authorizeCaptureAndVoid();
    void refundsAreBounded();
    void disputeFromOpenToWon();
    void payoutPaysWhatIsOwed();
    void maintenanceRuns();
    void madeUpIdsAreNotFound();

    // people, keys and the audit log (ContractPeople.cpp)
    void usersAreAddedAndListed();
    void signInChangePasswordSignOut();
    void secondFactorEnrolledAndReset();
    void disabledUserCannotSignIn();
    void apiKeysCreatedListedRevoked();
    void onceAnswersReplayTheirKey();
    void auditLogRecordsAndVerifies();

    // risk: rules, lists, reviews and assessments (ContractRisk.cpp)
    void ruleSetSavedActivatedAndBlocking();
    void listsAddAndRemoveNamingABadValue();
    void heldCheckoutClaimedAndApproved();
    void supportReadsRulesButCannotChangeThem();
    void ownerSeesOnlyItsMerchantsReviews();
    void backtestAndModelsOverImportedHistory();

    void everyOperationHasACase();

private:
    ContractHarness& m_harness;
    ChangeList m_changes; ///< the feed since init()
};

} // namespace souk::test

/// Fails the case unless `result` succeeded; says why it did not.
#define QVERIFY_OK(result) QVERIFY2(bool(result), qPrintable((result) ? QString() : (result).error().toString()))

/// Fails the case unless `result` is the refusal with that code and field (as the engine names it).
#define QCOMPARE_ERROR(result, wantCode, wantField)                                                                    \
    do {                                                                                                               \
        QVERIFY2(!(result), "succeeded where a refusal was expected");                                                 \
        const ::souk::Error got_ = (result).error();                                                                   \
        const ::souk::Error want_{wantCode, {}, QString(wantField)};                                                   \
        QVERIFY2(got_.code == want_.code && got_.field == want_.field,                                                 \
                 qPrintable(QStringLiteral("got %1, want %2 [%3]")                                                     \
                                .arg(got_.toString(), ::souk::errorCodeName(want_.code), want_.field)));               \
    } while (false)
