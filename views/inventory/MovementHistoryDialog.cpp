#include "views/inventory/MovementHistoryDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "models/inventory/MovementModel.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;

namespace souk {

MovementHistoryDialog::MovementHistoryDialog(Client& client, Id variantId, const QString& sku, QWidget* parent)
    : QDialog(parent), m_model(new MovementModel(client, this))
{
    setObjectName(u"movementHistoryDialog"_s);
    //: window title; %1 = SKU
    setWindowTitle(tr("Stock history – %1").arg(sku));
    m_messageBar = new MessageBar(this);
    //: %1 = SKU
    auto* heading = new QLabel(
        tr("Stock movements of <b>%1</b>, newest first. The list updates as stock moves.").arg(sku.toHtmlEscaped()),
        this);
    heading->setObjectName(u"headingLabel"_s);
    heading->setWordWrap(true);

    m_table = new QTableView(this);
    m_table->setObjectName(u"movementTable"_s);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between rows
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MovementModel::Reason, QHeaderView::Stretch);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(u"emptyLabel"_s);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_table);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"countLabel"_s);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_countLabel, 1);
    bottom->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(heading);
    layout->addWidget(m_stack, 1);
    layout->addLayout(bottom);
    resize(860, 440);

    connect(m_model, &MovementModel::loadFailed, this, &MovementHistoryDialog::onLoadFailed);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MovementHistoryDialog::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MovementHistoryDialog::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MovementHistoryDialog::updateState);
    connect(m_model, &MovementModel::loaded, this, &MovementHistoryDialog::updateState);
    m_model->setVariant(variantId);
    updateState();
}

void MovementHistoryDialog::updateState()
{
    const int rows = m_model->rowCount();
    if (rows == 0) {
        if (m_model->isLoading())
            m_emptyLabel->setText(tr("Loading stock history…"));
        else if (m_failed)
            m_emptyLabel->setText(tr("The stock history could not be loaded."));
        else
            m_emptyLabel->setText(tr("No stock has moved for this SKU yet."));
        m_stack->setCurrentWidget(m_emptyLabel);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
    m_countLabel->setVisible(rows > 0);
    if (rows >= MovementModel::MovementsMax)
        //: %1 = how many of the newest movements are listed
        m_countLabel->setText(tr("Showing the newest %1 movements.").arg(MovementModel::MovementsMax));
    else
        m_countLabel->setText(tr("%Ln movement(s)", nullptr, rows));
}

void MovementHistoryDialog::onLoadFailed(const Error& error)
{
    m_failed = true;
    m_messageBar->showError(error);
    updateState();
}

} // namespace souk
