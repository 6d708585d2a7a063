#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include "backend/core/Clock.h"
#include "backend/engine/Engine.h"
#include "backend/store/Sql.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::test::StoreFixture;

/// A store that reports damage stops taking writes at once and says so, while reads go on:
/// writing on into a damaged file spreads the damage and buries what a repair needs.
class TestStoreDamage final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void commandThatMeetsCorruptionStopsWrites();
    void healthCheckFindsADamagedPage();
    void soundStorePassesTheHealthCheck();
    void fullCheckFindingDamagedPagesStopsWrites();

private:
    template <typename T> T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }
    qint64 scalar(const QString& sql);
    /// Garbles one page of the customers table in the file under the running engine (as a
    /// disk or another program could), then moves the log on so readers drop their caches.
    void damageACustomersPage();
    /// A write that adds a customer; its result.
    Result<orders::Customer> addCustomer(const QString& email);

    MockClock m_clock; ///< maintenance runs the health check when an hour has passed on it
    std::unique_ptr<StoreFixture> m_f;
};

void TestStoreDamage::init()
{
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, m_clock);
    QVERIFY(m_f->ok());
}

void TestStoreDamage::cleanup()
{
    m_f.reset();
}

qint64 TestStoreDamage::scalar(const QString& sql)
{
    auto n = wait(m_f->client().engine().read<QVariant>([sql](QSqlDatabase& db) { return store::scalar(db, sql); }));
    return n ? n->toLongLong() : -1;
}

Result<orders::Customer> TestStoreDamage::addCustomer(const QString& email)
{
    return wait(m_f->client().createCustomer(orders::Customer{{}, u"Ida"_s, email, {}, {}, 0}, souk::test::newKey()));
}

void TestStoreDamage::commandThatMeetsCorruptionStopsWrites()
{
    QSignalSpy damaged(&m_f->client(), &Client::storeDamaged);
    engine::Engine& engine = m_f->client().engine();
    QVERIFY(!engine.damage());
    // a good command, then one that meets a page SQLite calls corrupt, queued into one batch:
    // nothing of the batch is committed, not even the good neighbour
    auto good = engine.write<Id>(Actor{u"a"_s, u"owner"_s}, [](store::UnitOfWork& uow) -> Result<Id> {
        if (auto s = store::exec(uow.db(), u"INSERT INTO settings (key, value) VALUES ('planted', 'x')"_s); !s)
            return s.error();
        return Id{1};
    });
    auto corrupt = engine.write<Id>(Actor{u"a"_s, u"owner"_s}, [](store::UnitOfWork&) -> Result<Id> {
        return Error::store(ErrorCode::StoreCorrupt, u"the store file is damaged or is not a Souk store"_s);
    });
    QVERIFY(!wait(corrupt));
    wait(good); // in the same batch or the one before it: either way the store is now closed to writes
    QVERIFY(engine.damage());
    QCOMPARE(engine.damage()->code, ErrorCode::StoreCorrupt);
    QVERIFY(m_f->client().storeDamage()); // what a window made later asks
    // every write after it is refused at once, with what to do
    auto refused = addCustomer(u"after@example.com"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::StoreCorrupt);
    QVERIFY2(refused.error().message.contains(u"takes no more changes"_s), qPrintable(refused.error().message));
    QCOMPARE(scalar(u"SELECT count(*) FROM customers WHERE email = 'after@example.com'"_s), 0);
    // reads go on: what the store holds can still be seen and exported
    auto merchants = wait(m_f->client().merchants());
    QVERIFY(merchants);
    QCOMPARE(merchants->size(), 1);
    QTRY_COMPARE(damaged.size(), 1);
    QCOMPARE(damaged.first().first().value<Error>().code, ErrorCode::StoreCorrupt);
    // a second cause changes nothing: the first is kept, the signal came once
    engine.markDamaged(Error::store(ErrorCode::StoreCorrupt, u"again"_s));
    QTest::qWait(20);
    QCOMPARE(damaged.size(), 1);
    QVERIFY(!engine.damage()->message.contains(u"again"_s));
}

void TestStoreDamage::damageACustomersPage()
{
    // enough rows that the customers table spans many pages, all in the store file
    for (int i = 0; i < 400; ++i)
        QVERIFY(addCustomer(u"c%1-%2@example.com"_s.arg(i).arg(QString(40, u'x'))));
    QVERIFY(m_f->reopen()); // a clean close leaves every page in the file; the open's check passes
    const qint64 pageSize = scalar(u"PRAGMA page_size"_s);
    const qint64 page = scalar(u"SELECT pageno FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf' "
                               "ORDER BY pageno LIMIT 1 OFFSET 2"_s);
    QVERIFY2(page > 1, "dbstat found no leaf page of customers");
    const QString path = m_f->storePath();
    {
        // a disk or another program garbles one page under the running engine
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek((page - 1) * pageSize));
        QVERIFY(file.write(QByteArray(int(pageSize), '\xA5')) == pageSize);
        file.close();
    }
    // a write elsewhere moves the log on, so readers drop what they had cached
    QVERIFY(wait(m_f->client().setMerchantTerms(
        orders::MerchantTerms{m_f->merchantId(), 100, 0, 0, 0, 30, 0}, souk::test::newKey())));
}

void TestStoreDamage::healthCheckFindsADamagedPage()
{
    damageACustomersPage();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy damaged(&m_f->client(), &Client::storeDamaged);
    // maintenance runs the check an hour after the last (the open's): not before
    QVERIFY(wait(m_f->client().runMaintenance()));
    QVERIFY(!m_f->client().engine().damage());
    m_clock.advanceMs(61 * 60'000);
    // the pass's own write may already be refused: the check runs beside it on a reader
    const auto pass = wait(m_f->client().runMaintenance());
    QVERIFY(pass || pass.error().code == ErrorCode::StoreCorrupt);
    QTRY_VERIFY(m_f->client().engine().damage());
    QTRY_COMPARE(damaged.size(), 1);
    // the check itself names what it found
    auto problems = wait(m_f->client().engine().checkHealth());
    QVERIFY(problems);
    QVERIFY(!problems->isEmpty());
    auto refused = addCustomer(u"late@example.com"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::StoreCorrupt);
    // the pages that are sound still read
    QVERIFY(wait(m_f->client().merchants()));
    // and the next open refuses the file (its quick check fails) instead of writing on
    QVERIFY(!m_f->reopen());
}

void TestStoreDamage::soundStorePassesTheHealthCheck()
{
    QVERIFY(addCustomer(u"ok@example.com"_s));
    auto problems = wait(m_f->client().engine().checkHealth());
    QVERIFY(problems);
    QVERIFY(problems->isEmpty());
    QVERIFY(!m_f->client().engine().damage());
    QVERIFY(addCustomer(u"ok2@example.com"_s));
}

void TestStoreDamage::fullCheckFindingDamagedPagesStopsWrites()
{
    // `soukctl check` and the console's check run SQLite's integrity check too: damaged pages
    // found there stop writes as the quick check's do
    damageACustomersPage();
    if (QTest::currentTestFailed())
        return;
    auto problems = wait(m_f->client().checkStore());
    QVERIFY(problems);
    QVERIFY(!problems->filter(u"integrity: "_s).isEmpty());
    QVERIFY(m_f->client().engine().damage());
    auto refused = addCustomer(u"after-check@example.com"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::StoreCorrupt);
}

QTEST_GUILESS_MAIN(TestStoreDamage)
#include "TestStoreDamage.moc"
