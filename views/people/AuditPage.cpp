#include "views/people/AuditPage.h"

#include <algorithm>
#include <utility>

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "backend/auth/Operation.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/people/AuditLogModel.h"
#include "models/people/AuditText.h"
#include "views/common/MessageBar.h"
#include "views/people/AuditEntryPane.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr qint64 HourMs = 60 * 60'000;
constexpr int DefaultSpan = 2;          ///< "Last 7 days": a week of work, one page or a few
constexpr int RefreshIntervalMs = 1000; ///< commits arriving read the newest entries at most this often
constexpr int CellPaddingPx = 24;

} // namespace

AuditPage::AuditPage(Client& client, QWidget* parent, const Clock& clock)
    : QWidget(parent), m_client(client), m_clock(clock)
{
    setObjectName(u"auditPage"_s);
    m_model = new AuditLogModel(client, this);
    auto* intro = new QLabel(tr("Every change to the store and every refused attempt: who made it, how they signed "
                                "in, and why. Each entry is chained to the one before it by a hash, so an entry "
                                "altered afterwards can be found."),
                             this);
    intro->setWordWrap(true);
    m_messageBar = new MessageBar(this);
    QWidget* filters = buildFilters();
    buildTable();
    m_empty = buildEmpty();
    m_detail = new AuditEntryPane(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(filters);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(buildFooter());
    layout->addWidget(m_detail);
    setTabOrder(m_user, m_entity);
    setTabOrder(m_entity, m_since);
    setTabOrder(m_since, m_refresh);
    setTabOrder(m_refresh, m_verify);
    setTabOrder(m_verify, m_table);
    setTabOrder(m_table, m_loadMore);
    auto* refreshKey = new QShortcut(QKeySequence::Refresh, this);
    refreshKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshKey, &QShortcut::activated, this, &AuditPage::refresh);

    m_refreshSoon = new QTimer(this);
    m_refreshSoon->setSingleShot(true);
    m_refreshSoon->setInterval(RefreshIntervalMs);
    connect(m_refreshSoon, &QTimer::timeout, this, [this] {
        if (isVisible())
            m_model->refresh();
        else
            m_stale = true;
    });
    connectModel();
    connect(&m_client, &Client::changed, this, &AuditPage::onChanged);
    connect(&m_client, &Client::principalChanged, this, [this] {
        updateVerifyButton();
        m_model->load(); // another user sees other entries, or none
    });
    updateVerifyButton();
    refresh();
}

AuditPage::~AuditPage() = default;

QWidget* AuditPage::buildFilters()
{
    auto* bar = new QWidget(this);
    bar->setObjectName(u"auditFilterBar"_s);
    m_user = new QLineEdit(bar);
    m_user->setObjectName(u"auditUserEdit"_s);
    m_user->setPlaceholderText(tr("Any user"));
    m_user->setToolTip(tr("A user name, exactly as they sign in. Press Enter to apply."));
    m_user->setClearButtonEnabled(true);
    auto* userLabel = new QLabel(tr("&User:"), bar);
    userLabel->setBuddy(m_user);
    m_entity = new QLineEdit(bar);
    m_entity->setObjectName(u"auditEntityEdit"_s);
    //: the audit object filter's two forms; "payment" and the colon are typed as shown
    m_entity->setPlaceholderText(tr("payment or payment:123"));
    m_entity->setToolTip(tr("A kind of object for every one of its kind (payment, order, product), or kind:id "
                            "for one. Press Enter to apply."));
    m_entity->setClearButtonEnabled(true);
    //: the audit filter on what an entry is about ("payment:123")
    auto* entityLabel = new QLabel(tr("&Object:"), bar);
    entityLabel->setBuddy(m_entity);
    m_since = new QComboBox(bar);
    m_since->setObjectName(u"auditSinceFilter"_s);
    m_since->addItem(tr("Last hour"), HourMs);
    m_since->addItem(tr("Last 24 hours"), 24 * HourMs);
    m_since->addItem(tr("Last 7 days"), 7 * 24 * HourMs);
    m_since->addItem(tr("Last 30 days"), 30 * 24 * HourMs);
    m_since->addItem(tr("All time"), qint64(0));
    m_since->setCurrentIndex(DefaultSpan);
    //: the audit filter on when entries were written
    auto* sinceLabel = new QLabel(tr("&Period:"), bar);
    sinceLabel->setBuddy(m_since);
    m_refresh = new QPushButton(tr("&Refresh"), bar);
    m_refresh->setObjectName(u"auditRefreshButton"_s);
    m_refresh->setToolTip(tr("Read the newest entries (F5)"));
    m_verify = new QPushButton(tr("Ver&ify chain"), bar);
    m_verify->setObjectName(u"verifyAuditButton"_s);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(userLabel);
    layout->addWidget(m_user, 1);
    layout->addSpacing(8);
    layout->addWidget(entityLabel);
    layout->addWidget(m_entity, 1);
    layout->addSpacing(8);
    layout->addWidget(sinceLabel);
    layout->addWidget(m_since);
    layout->addWidget(m_refresh);
    layout->addSpacing(24); // verifying is not filtering: apart from the filters' row
    layout->addWidget(m_verify);
    // typing waits for Enter: a user name half typed matches nobody
    for (QLineEdit* edit : {m_user, m_entity}) {
        connect(edit, &QLineEdit::returnPressed, this, &AuditPage::refresh);
        connect(edit, &QLineEdit::textChanged, this, [this](const QString& text) {
            if (text.isEmpty()) // the clear button: the filter goes at once
                refresh();
        });
    }
    connect(m_since, &QComboBox::currentIndexChanged, this, &AuditPage::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &AuditPage::refresh);
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::verify);
    return bar;
}

void AuditPage::buildTable()
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AuditLogModel::RawRole);
    m_table = new QTableView(this);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setAccessibleName(tr("Audit log"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between rows
    m_table->setFocusPolicy(Qt::StrongFocus);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditLogModel::Time, Qt::DescendingOrder);
    const QFontMetrics fm = m_table->fontMetrics();
    const auto width = [&fm](const QString& sample) { return fm.horizontalAdvance(sample) + CellPaddingPx; };
    m_table->setColumnWidth(AuditLogModel::Time, width(AuditText::time(m_clock.nowMs())));
    m_table->setColumnWidth(AuditLogModel::User, std::max(width(u"support-agent"_s), 110));
    m_table->setColumnWidth(AuditLogModel::Role, std::max(width(AuditText::role(u"admin"_s)), 90));
    m_table->setColumnWidth(AuditLogModel::Operation, width(AuditText::operation(u"submit_dispute_evidence"_s)));
    m_table->setColumnWidth(AuditLogModel::Objects, width(u"payment:388018952640401408, order:3880"_s));
    m_table->setColumnWidth(AuditLogModel::Reason, std::max(width(u"damaged in transit, goodwill"_s), 160));
    m_table->viewport()->installEventFilter(this); // keeps the empty state over the rows' area
}

QWidget* AuditPage::buildEmpty()
{
    auto* panel = new QWidget(m_table->viewport());
    panel->setObjectName(u"auditEmptyPanel"_s);
    panel->setAutoFillBackground(true);
    panel->setBackgroundRole(QPalette::Base);
    m_emptyText = new QLabel(panel);
    m_emptyText->setObjectName(u"auditEmptyLabel"_s);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    QFont f = m_emptyText->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    m_emptyText->setFont(f);
    m_emptyHint = new QLabel(panel);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_clearFilters = new QPushButton(tr("&Clear filters"), panel);
    m_clearFilters->setObjectName(u"clearAuditFiltersButton"_s);
    connect(m_clearFilters, &QPushButton::clicked, this, &AuditPage::clearFilters);
    auto* layout = new QVBoxLayout(panel);
    layout->addStretch(1);
    layout->addWidget(m_emptyText);
    layout->addWidget(m_emptyHint);
    layout->addSpacing(layout->spacing());
    layout->addWidget(m_clearFilters, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    panel->hide();
    return panel;
}

QWidget* AuditPage::buildFooter()
{
    auto* footer = new QWidget(this);
    m_count = new QLabel(footer);
    m_count->setObjectName(u"auditCountLabel"_s);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_loadMore = new QPushButton(tr("&Load older entries"), footer);
    m_loadMore->setObjectName(u"auditLoadMoreButton"_s);
    m_loadMore->hide();
    connect(m_loadMore, &QPushButton::clicked, m_model, &AuditLogModel::loadMore);
    connect(m_loadMore, &QPushButton::clicked, this, &AuditPage::updateFooter);
    auto* layout = new QHBoxLayout(footer);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_count, 1);
    layout->addWidget(m_loadMore);
    return footer;
}

void AuditPage::connectModel()
{
    connect(m_model, &AuditLogModel::loadFailed, this, [this](const Error& error) {
        m_loadFailed = true;
        m_messageBar->showError(error);
        m_messageBar->setAction(tr("Try again"), [this] { refresh(); });
        updateEmpty();
        updateFooter();
    });
    connect(m_model, &AuditLogModel::pageLoaded, this, [this] {
        if (std::exchange(m_loadFailed, false))
            m_messageBar->clearMessage(); // read now: what failed before no longer holds
        updateEmpty();
        updateFooter();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditPage::updateEmpty);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditPage::updateFooter);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_empty->hide(); // a new query: not known to be empty yet
        updateFooter();
        updateDetail();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuditPage::updateDetail);
}

auth::AuditQuery AuditPage::readFilter() const
{
    auth::AuditQuery q;
    q.user = m_user->text().trimmed();
    // object kinds are stored in lower case, "kind:id" without spaces
    q.entity = m_entity->text().toLower().remove(u' ');
    const qint64 span = m_since->currentData().toLongLong();
    q.sinceMs = span > 0 ? m_clock.nowMs() - span : 0;
    return q;
}

bool AuditPage::filtered() const
{
    const auth::AuditQuery& f = m_model->filter();
    return !f.user.isEmpty() || !f.entity.isEmpty() || f.sinceMs > 0;
}

void AuditPage::refresh()
{
    if (std::exchange(m_loadFailed, false))
        m_messageBar->clearMessage(); // read again: the bar says anew if it fails again
    const auth::AuditQuery wanted = readFilter();
    const auth::AuditQuery& shown = m_model->filter();
    if (m_since->currentIndex() != m_appliedSince || wanted.user != shown.user || wanted.entity != shown.entity) {
        m_appliedSince = m_since->currentIndex();
        m_model->setFilter(wanted);
    } else {
        m_model->refresh(); // the same filter: the newer entries go on top, the selection stays
    }
    updateFooter();
}

void AuditPage::clearFilters()
{
    {
        const QSignalBlocker userBlocker(m_user);
        const QSignalBlocker entityBlocker(m_entity);
        const QSignalBlocker sinceBlocker(m_since);
        m_user->clear();
        m_entity->clear();
        m_since->setCurrentIndex(m_since->count() - 1); // all time
    }
    refresh();
    m_user->setFocus();
}

void AuditPage::onChanged()
{
    // a commit writes audit entries with its changes; failed attempts come in with the next read
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (!m_refreshSoon->isActive())
        m_refreshSoon->start(); // not restarted: steady traffic must not put the read off for ever
}

void AuditPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // entries are not in the change feed: whatever was written while the page was away is read now
    m_stale = false;
    m_model->refresh();
}

bool AuditPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_empty->setGeometry(m_table->viewport()->rect());
    return QWidget::eventFilter(watched, event);
}

void AuditPage::verify()
{
    if (m_verifying || !m_verify->isEnabled())
        return;
    m_verifying = true;
    updateVerifyButton();
    m_loadFailed = false; // the bar is the verification's now
    m_messageBar->showInfo(tr("Verifying the hash chain of the whole audit log…"));
    onReady(m_client.verifyAudit(), this, [this](const Result<auth::AuditVerification>& result) {
        m_verifying = false;
        updateVerifyButton();
        showVerification(result);
        emit verified();
    });
}

void AuditPage::showVerification(const Result<auth::AuditVerification>& result)
{
    if (!result) {
        m_messageBar->showError(result.error());
        return;
    }
    if (result->firstBadSeq) {
        //: %1 the number of the first audit entry whose hash does not match (the "Entry" of the detail pane)
        m_messageBar->showError(tr("Entry %1 does not match its hash chain: it, or the entry before it, was "
                                   "changed, inserted or removed after it was written.")
                                    .arg(*result->firstBadSeq),
                                result->problem);
        selectSeq(*result->firstBadSeq);
        return;
    }
    if (result->rows == 0) {
        m_messageBar->showInfo(tr("The audit log has no entries yet: there is nothing to verify."));
        return;
    }
    m_messageBar->showSuccess(tr("All %Ln entries match their hash chain.", "", int(result->rows)));
}

void AuditPage::selectSeq(qint64 seq)
{
    const int row = m_model->rowOfSeq(seq);
    if (row < 0)
        return; // older than the rows read, or outside the filter
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

void AuditPage::updateEmpty()
{
    const bool none = m_model->rowCount() == 0 && !m_model->isLoading() && !m_loadFailed;
    if (none) {
        const bool narrowed = filtered();
        m_emptyText->setText(narrowed ? tr("No audit entries match these filters.")
                                      : tr("The audit log has no entries yet."));
        m_emptyHint->setText(narrowed ? tr("Try a longer period, or clear the user and object filters.")
                                      : tr("Every change to the store, and every refused attempt, will be "
                                           "listed here."));
        m_clearFilters->setVisible(narrowed);
        m_empty->setGeometry(m_table->viewport()->rect());
        m_empty->raise();
    }
    m_empty->setVisible(none);
}

void AuditPage::updateFooter()
{
    const int rows = m_model->rowCount();
    if (m_model->isLoading() && rows == 0)
        m_count->setText(tr("Loading…"));
    else if (m_model->hasMore())
        m_count->setText(tr("The newest %Ln entries; older ones load as you scroll down.", "", rows));
    else
        m_count->setText(tr("%Ln entries", "", rows));
    m_loadMore->setVisible(m_model->hasMore());
    m_loadMore->setEnabled(!m_model->isLoading());
}

void AuditPage::updateDetail()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    const int row = selected.isEmpty() ? -1 : m_proxy->mapToSource(selected.first()).row();
    m_detail->showRecord(m_model->recordAt(row));
}

void AuditPage::updateVerifyButton()
{
    const auth::Principal who = m_client.principal();
    const bool allowed = who.isAuthenticated() && auth::allowed(who.role, auth::Operation::VerifyAudit);
    m_verify->setEnabled(allowed && !m_verifying);
    m_verify->setToolTip(allowed ? tr("Check that no entry was changed, inserted or removed since it was written. "
                                      "This reads the whole log.")
                                 : tr("Only operators and administrators can verify the audit log's hash chain."));
}

} // namespace souk
