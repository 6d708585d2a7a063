#include "views/risk/ListsTab.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/risk/RiskListModel.h"
#include "models/risk/RiskText.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/risk/AddValuesDialog.h"
#include "views/risk/NewListDialog.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

QString newKey()
{
    return u"risk-remove-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

ListsTab::ListsTab(Client& client, MessageBar& messageBar, QWidget* parent)
    : QWidget(parent), m_client(client), m_messageBar(messageBar), m_rights(RiskRights::of(client.principal()))
{
    setObjectName(u"listsTab"_s);
    m_model = new RiskListModel(client, this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"listsTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_newList = new QPushButton(tr("&New list…"), this);
    m_newList->setObjectName(u"newListButton"_s);
    m_newList->setVisible(m_rights.createLists);
    connect(m_newList, &QPushButton::clicked, this, &ListsTab::newList);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    auto* leftButtons = new QHBoxLayout;
    leftButtons->addWidget(m_newList);
    leftButtons->addStretch(1);
    leftLayout->addLayout(leftButtons);

    m_empty = new QLabel(this);
    m_empty->setObjectName(u"listsEmptyHint"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(24);
    m_title = new QLabel(this);
    m_title->setObjectName(u"listTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"valueFilterEdit"_s);
    m_filter->setPlaceholderText(tr("Filter values…"));
    m_filter->setClearButtonEnabled(true);
    m_values = new QStringListModel(this);
    m_filtered = new QSortFilterProxyModel(this);
    m_filtered->setSourceModel(m_values);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filtered->setFilterFixedString(text.trimmed());
        updateActions();
    });
    m_valuesView = new QListView(this);
    m_valuesView->setObjectName(u"valuesView"_s);
    m_valuesView->setModel(m_filtered);
    m_valuesView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_valuesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_valuesView->setUniformItemSizes(true);
    connect(m_valuesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ListsTab::updateActions);
    m_count = new QLabel(this);
    m_count->setObjectName(u"valuesCount"_s);
    m_add = new QPushButton(tr("&Add values…"), this);
    m_add->setObjectName(u"addValuesButton"_s);
    m_add->setVisible(m_rights.addListValues);
    connect(m_add, &QPushButton::clicked, this, &ListsTab::addValues);
    m_remove = new QPushButton(tr("&Remove selected"), this);
    m_remove->setObjectName(u"removeValuesButton"_s);
    m_remove->setVisible(m_rights.removeListValues);
    m_remove->setToolTip(tr("Removes the selected values from the list (Delete)"));
    connect(m_remove, &QPushButton::clicked, this, &ListsTab::removeSelected);
    auto* del = new QShortcut(QKeySequence::Delete, m_valuesView);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ListsTab::removeSelected);

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_description);
    detailLayout->addWidget(m_filter);
    detailLayout->addWidget(m_valuesView, 1);
    auto* rightButtons = new QHBoxLayout;
    rightButtons->addWidget(m_count, 1);
    rightButtons->addWidget(m_add);
    rightButtons->addWidget(m_remove);
    detailLayout->addLayout(rightButtons);
    m_right = new QStackedWidget(this);
    m_right->addWidget(m_empty);
    m_right->addWidget(detail);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ListsTab::onCurrentChanged);
    connect(m_model, &RiskListModel::loaded, this, [this] {
        if (const auto& error = m_model->loadError()) {
            m_messageBar.showError(*error);
            m_messageBar.setAction(tr("Read again"), [this] { m_model->reload(); });
        }
        if (!m_pendingSelect.isEmpty())
            selectList(std::exchange(m_pendingSelect, {}));
        else if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            selectList(m_model->list(0).name);
        emit listsLoaded(m_model->names());
        updateActions();
    });
    updateActions();
    m_model->reload();
}

QStringList ListsTab::values() const
{
    return m_values->stringList();
}

void ListsTab::selectList(const QString& name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_model->index(row, 0));
}

void ListsTab::onCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    const QString name = current.isValid() ? m_model->data(current, RiskListModel::NameRole).toString() : QString();
    if (name != m_current) {
        m_filter->clear();
        m_values->setStringList({});
    }
    m_current = name;
    if (m_current.isEmpty()) {
        updateActions();
        return;
    }
    const risk::RiskList& list = m_model->list(current.row());
    //: %1 a list's name as rules write it (@blocked_emails), %2 what it holds ("Email addresses")
    m_title->setText(tr("%1 · %2").arg(u"@"_s + list.name, RiskText::listKind(list.kind)));
    m_description->setText(list.description);
    m_description->setVisible(!list.description.isEmpty());
    loadValues();
}

void ListsTab::loadValues()
{
    const int generation = ++m_valuesGeneration;
    const QString name = m_current;
    onReady(m_client.riskListValues(name), this, [this, generation, name](const Result<QStringList>& result) {
        if (generation != m_valuesGeneration || name != m_current)
            return;
        if (!result) {
            m_messageBar.showError(result.error());
            return;
        }
        m_values->setStringList(*result);
        updateActions();
        emit valuesLoaded();
    });
}

void ListsTab::updateActions()
{
    const bool hasList = !m_current.isEmpty();
    m_right->setCurrentIndex(hasList ? 1 : 0);
    if (!hasList) {
        m_empty->setText(m_model->rowCount() > 0 ? tr("Pick a list to see its values.")
                         : m_rights.createLists
                             ? tr("No lists yet. Create one with “New list…”: rules name it as @name, for "
                                  "example “Block if :email: in @blocked_emails”.")
                             : tr("No lists yet. Rules name a list as @name, for example “Block if :email: in "
                                  "@blocked_emails”."));
    }
    const int total = int(m_values->rowCount());
    const int shown = m_filtered->rowCount();
    //: values of the selected list; %1 shown by the filter, %n all
    m_count->setText(shown == total ? tr("%n value(s)", nullptr, total)
                                    : tr("%1 of %n value(s)", nullptr, total).arg(shown));
    m_add->setEnabled(hasList);
    m_remove->setEnabled(hasList && m_valuesView->selectionModel()->hasSelection());
}

void ListsTab::newList()
{
    auto* dialog = new NewListDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewListDialog::created, this, [this](const risk::RiskList& list) {
        //: %1 a list's name as rules write it: @blocked_emails
        m_messageBar.showSuccess(tr("List %1 created.").arg(u"@"_s + list.name));
        m_pendingSelect = list.name;
        m_model->reload();
    });
    dialog->open();
}

void ListsTab::addValues()
{
    const int row = m_model->rowOf(m_current);
    if (row < 0)
        return;
    auto* dialog = new AddValuesDialog(m_client, m_model->list(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddValuesDialog::added, this, [this](const RiskListChange& change) {
        //: %1 a list's name (@blocked_emails); %n values that were new to it
        m_messageBar.showSuccess(tr("Added %n new value(s) to %1.", nullptr, change.changed).arg(u"@"_s + change.list));
        m_pendingSelect = change.list;
        m_model->reload();
        loadValues();
    });
    dialog->open();
}

void ListsTab::removeSelected()
{
    if (!m_rights.removeListValues || m_current.isEmpty())
        return;
    QStringList chosen;
    for (const QModelIndex& index : m_valuesView->selectionModel()->selectedRows())
        chosen.append(index.data().toString());
    if (chosen.isEmpty())
        return;
    const QString list = u"@"_s + m_current;
    //: %1 a list's name (@blocked_emails)
    const QString question = chosen.size() == 1
                                 ? tr("Remove “%1” from %2?").arg(chosen.first(), list)
                                 : tr("Remove %n value(s) from %1?", nullptr, int(chosen.size())).arg(list);
    if (!Dialogs::confirm(this, tr("Remove values"), question, tr("Remove")))
        return;
    const QString name = m_current;
    onReady(m_client.removeRiskListValues(name, chosen, newKey()), this,
            [this, name](const Result<RiskListChange>& result) {
                if (!result) {
                    m_messageBar.showError(RiskText::errorWithField(result.error()), errorDetails(result.error()));
                    return;
                }
                m_messageBar.showSuccess(
                    tr("Removed %n value(s) from %1.", nullptr, result->changed).arg(u"@"_s + name));
                m_pendingSelect = name;
                m_model->reload();
                loadValues();
            });
}

} // namespace souk
