#include "views/risk/ReviewsPage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

#include <memory>

#include "backend/auth/Role.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/risk/ReviewListModel.h"
#include "models/risk/ReviewQueueFilter.h"
#include "models/risk/ReviewText.h"
#include "views/common/MessageBar.h"
#include "views/risk/DecisionDialog.h"
#include "views/risk/ReviewDetailPanel.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

QString newKey()
{
    return u"review-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

ReviewsPage::ReviewsPage(Client& client, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_client(client), m_clock(clock)
{
    setObjectName(u"reviewsPage"_s);
    m_model = new ReviewListModel(client, clock, this);
    m_proxy = new ReviewQueueProxy(this);
    m_proxy->setSourceModel(m_model);
    m_messageBar = new MessageBar(this);

    m_merchant = new QComboBox(this);
    m_merchant->setObjectName(u"merchantFilter"_s);
    m_merchant->addItem(tr("All merchants"), QVariant());
    m_merchant->setVisible(client.principal().role != auth::Role::Owner); // an owner sees their own only
    m_rule = new QLineEdit(this);
    m_rule->setObjectName(u"ruleFilterEdit"_s);
    m_rule->setPlaceholderText(tr("Rule contains…"));
    m_rule->setClearButtonEnabled(true);
    m_minScore = new QSpinBox(this);
    m_minScore->setObjectName(u"minScoreSpin"_s);
    m_minScore->setRange(-1, 100);
    m_minScore->setSpecialValueText(tr("Any score"));
    m_minScore->setPrefix(tr("Score ≥ "));
    m_minScore->setValue(-1);
    connect(m_merchant, &QComboBox::currentIndexChanged, this, &ReviewsPage::applyFilter);
    connect(m_rule, &QLineEdit::textChanged, this, &ReviewsPage::applyFilter);
    connect(m_minScore, &QSpinBox::valueChanged, this, &ReviewsPage::applyFilter);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_merchant);
    filters->addWidget(m_rule, 1);
    filters->addWidget(m_minScore);
    auto* keys = new QLabel(tr("J/K move · N next unclaimed · A approve · D decline · F fraud"), this);
    keys->setObjectName(u"keysHint"_s);
    keys->setEnabled(false); // a hint, greyed
    filters->addWidget(keys);

    m_table = new QTableView(this);
    m_table->setObjectName(u"reviewsTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ReviewListModel::TimeLeft, Qt::AscendingOrder); // the most urgent first
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewListModel::Reasons, QHeaderView::Stretch);
    m_table->setTabKeyNavigation(false);

    m_detail = new ReviewDetailPanel(this);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // the same share in every language: the queue's size hint grows with its longest reasons
    splitter->setSizes({3000, 2000});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewsPage::onCurrentChanged);
    connect(m_detail, &ReviewDetailPanel::decideRequested, this, &ReviewsPage::decide);
    connect(m_model, &ReviewListModel::reviewChanged, this, [this](Id id) {
        if (id == m_current)
            showCurrent();
    });
    connect(m_model, &ReviewListModel::loaded, this, [this] {
        if (const auto& error = m_model->loadError()) {
            m_messageBar->showError(*error);
            m_messageBar->setAction(tr("Read again"), [this] { m_model->reload(); });
        }
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            selectRow(0);
    });

    const auto shortcut = [this](Qt::Key key, auto slot) {
        auto* s = new QShortcut(QKeySequence(key), this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(Qt::Key_J, [this] { moveBy(1); });
    shortcut(Qt::Key_K, [this] { moveBy(-1); });
    shortcut(Qt::Key_N, [this] { nextUnclaimed(); });
    shortcut(Qt::Key_A, [this] { decide(risk::ReviewVerdict::Approve); });
    shortcut(Qt::Key_D, [this] { decide(risk::ReviewVerdict::Decline); });
    shortcut(Qt::Key_F, [this] { decide(risk::ReviewVerdict::Fraud); });

    loadMerchants();
    m_model->reload();
}

void ReviewsPage::loadMerchants()
{
    if (!m_merchant->isVisible() && m_client.principal().role == auth::Role::Owner)
        return;
    onReady(m_client.merchants(), this, [this](const Result<QList<catalog::Merchant>>& result) {
        if (!result)
            return; // the filter keeps "All merchants"; the queue itself still loads
        for (const catalog::Merchant& m : *result)
            m_merchant->addItem(m.name, m.id.value);
    });
}

void ReviewsPage::applyFilter()
{
    ReviewQueueFilter filter;
    if (const QVariant merchant = m_merchant->currentData(); merchant.isValid())
        filter.merchantId = Id{merchant.toLongLong()};
    filter.ruleContains = m_rule->text();
    filter.minScore = m_minScore->value();
    m_proxy->setFilter(filter);
}

void ReviewsPage::selectRow(int proxyRow)
{
    if (proxyRow < 0 || proxyRow >= m_proxy->rowCount())
        return;
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void ReviewsPage::moveBy(int rows)
{
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() + rows : 0;
    selectRow(std::clamp(row, 0, m_proxy->rowCount() - 1));
}

void ReviewsPage::nextUnclaimed()
{
    const int count = m_proxy->rowCount();
    const int from = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    const QString me = m_client.principal().userName;
    for (int step = 1; step <= count; ++step) {
        const int row = (from + step) % count;
        const int source = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
        const risk::Review& r = m_model->review(source);
        if (r.claimedBy.isEmpty() || r.claimedUntilMs <= m_model->nowMs()) {
            selectRow(row);
            return;
        }
    }
    m_messageBar->showInfo(tr("Every review in the queue is held by someone."));
}

void ReviewsPage::onCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_current = {};
        m_detail->clear();
        return;
    }
    const Id id{m_proxy->data(current, ReviewListModel::IdRole).toLongLong()};
    if (id == m_current)
        return;
    m_current = id;
    m_detail->messageBar()->clearMessage();
    showCurrent();
    claim(id);
    // the customer's history and the linked payments come with one review's read, not the queue's
    onReady(m_client.review(id), this, [this](const Result<risk::Review>& full) {
        if (full)
            m_detail->showRelated(*full);
    });
}

void ReviewsPage::showCurrent()
{
    const int row = m_model->rowOf(m_current);
    if (row < 0) {
        m_detail->clear();
        return;
    }
    m_detail->showReview(m_model->review(row), m_client.principal().userName, m_model->nowMs());
}

void ReviewsPage::claim(Id reviewId)
{
    if (m_held.value != 0 && m_held != reviewId) // one review at a time: give the last one back
        onReady(m_client.releaseReview(m_held, newKey()), this, [this](const Result<risk::Review>& r) {
            if (r)
                m_model->apply(*r);
        });
    m_held = {};
    onReady(m_client.claimReview(reviewId, newKey()), this, [this, reviewId](const Result<risk::Review>& result) {
        if (result) {
            m_model->apply(*result);
            if (reviewId == m_current)
                m_held = reviewId;
            else // moved on while the claim was under way (J/K held down): give it back
                onReady(m_client.releaseReview(reviewId, newKey()), this, [this](const Result<risk::Review>& r) {
                    if (r)
                        m_model->apply(*r);
                });
            return;
        }
        if (reviewId != m_current)
            return;
        m_detail->messageBar()->showError(result.error());
        // read it again: who holds it, or that it closed
        onReady(m_client.review(reviewId), this, [this](const Result<risk::Review>& again) {
            if (again)
                m_model->apply(*again);
        });
    });
}

QList<Id> ReviewsPage::selectedReviews() const
{
    QList<Id> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids.append(Id{m_proxy->data(index, ReviewListModel::IdRole).toLongLong()});
    return ids;
}

void ReviewsPage::decide(risk::ReviewVerdict verdict)
{
    const QList<Id> ids = selectedReviews();
    if (ids.size() <= 1 && !m_detail->canDecide()) {
        if (m_current.value != 0)
            m_detail->messageBar()->showError(tr("Someone else holds this review: it cannot be decided here."));
        return;
    }
    auto* dialog = new DecisionDialog(verdict, int(std::max<qsizetype>(ids.size(), 1)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids, current = m_current] {
        if (ids.size() > 1)
            decideMany(ids, dialog->verdict(), dialog->reason(), dialog->note(), dialog->blockCardAndEmail());
        else
            decideOne(current, dialog->verdict(), dialog->reason(), dialog->note(), dialog->blockCardAndEmail());
    });
    dialog->open();
}

void ReviewsPage::decideOne(Id reviewId, risk::ReviewVerdict verdict, const QString& reason, const QString& note,
                            bool block)
{
    onReady(m_client.decideReview(reviewId, verdict, reason, note, block, newKey()), this,
            [this, reviewId, verdict](const Result<risk::Review>& result) {
                if (!result) {
                    m_detail->messageBar()->showError(result.error());
                    onReady(m_client.review(reviewId), this, [this](const Result<risk::Review>& again) {
                        if (again)
                            m_model->apply(*again);
                    });
                    emit decided();
                    return;
                }
                if (m_held == reviewId)
                    m_held = {};
                //: %1 the verdict ("Approve")
                m_messageBar->showSuccess(tr("Decided: %1.").arg(ReviewText::verdict(verdict)));
                m_model->apply(*result); // leaves the queue; the next row becomes current
                emit decided();
            });
}

void ReviewsPage::decideMany(const QList<Id>& ids, risk::ReviewVerdict verdict, const QString& reason,
                             const QString& note, bool block)
{
    struct Tally
    {
        int left = 0;
        int done = 0;
        QStringList failures;
    };
    auto tally = std::make_shared<Tally>();
    tally->left = int(ids.size());
    for (const Id id : ids) {
        const int row = m_model->rowOf(id);
        //: a row of a bulk decision: amount and the review's id
        const QString label =
            row < 0 ? id.toString()
                    : tr("%1 (review %2)")
                          .arg(m_model->data(m_model->index(row, ReviewListModel::Amount)).toString(), id.toString());
        onReady(m_client.decideReview(id, verdict, reason, note, block, newKey()), this,
                [this, tally, label, id, total = int(ids.size())](const Result<risk::Review>& result) {
                    if (result) {
                        ++tally->done;
                        m_model->apply(*result);
                    } else {
                        tally->failures.append(label + u": "_s + errorText(result.error()));
                        onReady(m_client.review(id), this, [this](const Result<risk::Review>& again) {
                            if (again)
                                m_model->apply(*again);
                        });
                    }
                    if (--tally->left > 0)
                        return;
                    if (tally->failures.isEmpty())
                        m_messageBar->showSuccess(tr("Decided %n review(s).", nullptr, total));
                    else
                        //: %1 decided, %2 asked; the details list each failed row
                        m_messageBar->showError(
                            tr("%1 of %2 reviews decided; the others were refused.").arg(tally->done).arg(total),
                            tally->failures.join(u'\n'));
                    emit decided();
                });
    }
}

} // namespace souk
