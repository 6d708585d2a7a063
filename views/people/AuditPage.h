#pragma once

#include <QWidget>

#include "backend/auth/AuditRecord.h"
#include "backend/core/Clock.h"
#include "backend/core/Result.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace souk {

class AuditEntryPane;
class AuditLogModel;
class Client;
class MessageBar;

/// The audit log: who did what, when, how they signed in and why, newest first, filtered by
/// user, object ("payment" or "payment:123") and time span; the selected entry in full below.
/// "Verify chain" walks the whole hash chain off the GUI thread and says whether every entry
/// still matches (operators and administrators only: the button says why it is off for others).
/// Audit entries are not in the change feed: the page reads the newest ones when shown, on
/// Refresh or Enter in a filter, and at most once a second while commits arrive.
/// objectName "auditPage". Owned by the main window; GUI thread.
class AuditPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)
public:
    /// `clock` says what "the last hour" is.
    explicit AuditPage(Client& client, QWidget* parent = nullptr, const Clock& clock = SystemClock::instance());
    ~AuditPage() override;

    AuditLogModel* model() const { return m_model; }
    MessageBar* messageBar() const { return m_messageBar; }
    /// Applies the filters: new ones read the log again, the same ones add the newer entries on top.
    void refresh();
    /// Verifies the hash chain (a reader walks it; the page goes on) and shows what was found.
    void verify();

signals:
    /// A verification's answer is shown in the message bar.
    void verified();

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildFilters();
    void buildTable();
    QWidget* buildEmpty();
    QWidget* buildFooter();
    void connectModel();
    auth::AuditQuery readFilter() const;
    bool filtered() const;
    void clearFilters();
    void onChanged();
    void showVerification(const Result<auth::AuditVerification>& result);
    void selectSeq(qint64 seq);
    void updateEmpty();
    void updateFooter();
    void updateDetail();
    void updateVerifyButton();

    Client& m_client;
    const Clock& m_clock;
    AuditLogModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_entity = nullptr;
    QComboBox* m_since = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_verify = nullptr;
    QTableView* m_table = nullptr;
    QWidget* m_empty = nullptr; ///< over the table's rows while nothing matches
    QLabel* m_emptyText = nullptr;
    QLabel* m_emptyHint = nullptr;
    QPushButton* m_clearFilters = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_loadMore = nullptr;
    AuditEntryPane* m_detail = nullptr;
    QTimer* m_refreshSoon = nullptr; ///< commits arrived: one read a second at most
    int m_appliedSince = -1;         ///< the time span choice the model's filter was made with
    bool m_stale = false;            ///< commits arrived while the page was hidden
    bool m_loadFailed = false;       ///< the message bar shows why the rows could not be read
    bool m_verifying = false;
};

} // namespace souk
