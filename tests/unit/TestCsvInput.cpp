#include <csignal>

#include <unistd.h>

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

#include "backend/catalog/Csv.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

/// readCsvInput() caps what it reads, not what a device says its size is: /dev/zero and pipes
/// report no size, and an import must still stop at the cap.
class TestCsvInput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsSmallFile();
    void capIsInclusive();
    void capsDevZero();
    void capsPipe_data();
    void capsPipe();
};

namespace {

constexpr qint64 CapBytes = 3 * 1024 * 1024 + 17; // not a multiple of the read chunk

/// Reads `device` through readCsvInput() with the test's cap.
Result<QByteArray> readCapped(QIODevice& device)
{
    return readCsvInput(device, CapBytes, u"FILE"_s);
}

} // namespace

void TestCsvInput::initTestCase()
{
    ::signal(SIGPIPE, SIG_IGN); // the writer thread learns of a refused pipe from EPIPE, not a signal
}

void TestCsvInput::readsSmallFile()
{
    QBuffer buffer;
    buffer.setData("handle,title\nmug,Mug\n");
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const auto data = readCapped(buffer);
    QVERIFY(data);
    QCOMPARE(*data, QByteArray("handle,title\nmug,Mug\n"));
}

void TestCsvInput::capIsInclusive()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"exact.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(CapBytes, 'x'));
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto exact = readCapped(file);
    QVERIFY(exact);
    QCOMPARE(exact->size(), CapBytes);
    file.close();
    QVERIFY(file.open(QIODevice::Append));
    file.write("y");
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto over = readCapped(file);
    QVERIFY(!over);
    QCOMPARE(over.error().field, u"FILE"_s);
}

void TestCsvInput::capsDevZero()
{
    QFile zero(u"/dev/zero"_s);
    QVERIFY(zero.open(QIODevice::ReadOnly));
    QCOMPARE(zero.size(), 0); // what the old size check saw
    const auto data = readCapped(zero);
    QVERIFY(!data);
    QCOMPARE(data.error().code, ErrorCode::Invalid);
    QCOMPARE(data.error().field, u"FILE"_s);
    QVERIFY2(data.error().message.contains(u"more than"_s), qPrintable(data.error().message));
}

void TestCsvInput::capsPipe_data()
{
    QTest::addColumn<qint64>("written");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("small") << qint64(1000) << true;
    QTest::addRow("exactly the cap") << CapBytes << true;
    QTest::addRow("one past the cap") << CapBytes + 1 << false;
    QTest::addRow("far past the cap") << 4 * CapBytes << false;
}

void TestCsvInput::capsPipe()
{
    QFETCH(qint64, written);
    QFETCH(bool, accepted);
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    std::thread writer([fd = fds[1], written] {
        const QByteArray block(64 * 1024, 'a');
        for (qint64 left = written; left > 0;) {
            const ssize_t n = ::write(fd, block.constData(), size_t(std::min<qint64>(left, block.size())));
            if (n <= 0)
                break; // the reader closed its end after refusing
            left -= n;
        }
        ::close(fd);
    });
    Result<QByteArray> data = QByteArray();
    {
        QFile pipe;
        QVERIFY(pipe.open(fds[0], QIODevice::ReadOnly, QFileDevice::AutoCloseHandle));
        data = readCapped(pipe);
    }
    writer.join();
    QCOMPARE(bool(data), accepted);
    if (accepted)
        QCOMPARE(data->size(), written);
    else
        QCOMPARE(data.error().field, u"FILE"_s);
}

QTEST_GUILESS_MAIN(TestCsvInput)
#include "TestCsvInput.moc"
