/// A dialog's idempotency key: the same request sent again keeps its key (the store replays the
/// first answer), another request gets a new one (its own request, not a conflict).
#include <QTest>

#include "models/people/RequestKey.h"

using namespace Qt::StringLiterals;
using souk::RequestKey;

class TestRequestKey final : public QObject
{
    Q_OBJECT

private slots:
    void sameRequestKeepsItsKey()
    {
        RequestKey key(u"add-user-"_s);
        const QString first = key.keyFor("kai\nstaff");
        QVERIFY(first.startsWith(u"add-user-"_s));
        QVERIFY(first.size() > 30);
        QCOMPARE(key.keyFor("kai\nstaff"), first);
        const QString other = key.keyFor("kai\nowner");
        QVERIFY(other != first);
        QCOMPARE(key.keyFor("kai\nowner"), other);
        QVERIFY(key.keyFor("kai\nstaff") != first); // back to the first request: a new try of it
    }
    void dialogsDoNotShareKeys()
    {
        RequestKey a(u"k-"_s);
        RequestKey b(u"k-"_s);
        QVERIFY(a.keyFor("x") != b.keyFor("x"));
    }
};

QTEST_GUILESS_MAIN(TestRequestKey)
#include "TestRequestKey.moc"
