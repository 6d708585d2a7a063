#include "views/risk/RiskPage.h"

#include <QTabWidget>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "models/risk/RiskRights.h"
#include "views/common/MessageBar.h"
#include "views/risk/ListsTab.h"
#include "views/risk/ModelsTab.h"
#include "views/risk/RulesTab.h"

using namespace Qt::StringLiterals;

namespace souk {

RiskPage::RiskPage(Client& client, const Clock& clock, QWidget* parent) : QWidget(parent)
{
    setObjectName(u"riskPage"_s);
    const RiskRights rights = RiskRights::of(client.principal());
    m_messageBar = new MessageBar(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"riskTabs"_s);
    m_tabs->setDocumentMode(true);
    m_rules = new RulesTab(client, clock, *m_messageBar, m_tabs);
    m_tabs->addTab(m_rules, tr("&Rules", "risk page tab"));
    if (rights.readLists) {
        m_lists = new ListsTab(client, *m_messageBar, m_tabs);
        m_tabs->addTab(m_lists, tr("&Lists", "risk page tab"));
        // rules name lists: the editor's parser knows the ones that exist
        connect(m_lists, &ListsTab::listsLoaded, m_rules, &RulesTab::setListNames);
    }
    if (rights.readModels)
        m_tabs->addTab(new ModelsTab(client, *m_messageBar, clock, m_tabs), tr("&Models", "risk page tab"));
    // one message at a time, about what the user is looking at
    connect(m_tabs, &QTabWidget::currentChanged, m_messageBar, &MessageBar::clearMessage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_tabs, 1);
}

} // namespace souk
