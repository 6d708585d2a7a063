#include "views/risk/ReviewDetailPanel.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "backend/core/Currency.h"
#include "models/common/Format.h"
#include "models/common/Theme.h"
#include "models/risk/ReviewText.h"
#include "views/common/MessageBar.h"
#include "views/common/Tables.h"
#include "views/risk/ReviewRelatedView.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

QPushButton* verdictButton(QWidget* parent, const QString& name, const QString& text, const QString& key)
{
    //: %1 the verdict, %2 its keyboard key
    auto* b = new QPushButton(ReviewDetailPanel::tr("%1 (%2)").arg(text, key), parent);
    b->setObjectName(name);
    b->setFocusPolicy(Qt::NoFocus); // the keys act on the table; the buttons are for the mouse
    return b;
}

} // namespace

ReviewDetailPanel::ReviewDetailPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"reviewDetail"_s);
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(u"reviewMessageBar"_s);
    m_empty = new QLabel(tr("Select a review to work on it. Selecting claims it for you."), this);
    m_empty->setWordWrap(true);
    m_body = new QWidget(this);
    m_title = new QLabel(m_body);
    m_title->setObjectName(u"reviewTitle"_s);
    m_title->setTextFormat(Qt::RichText);
    m_facts = new QLabel(m_body);
    m_facts->setObjectName(u"reviewFacts"_s);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_claim = new QLabel(m_body);
    m_claim->setObjectName(u"claimLabel"_s);
    // the reason's words carry its value ("3 payments with this card in the last hour")
    m_reasons = Tables::readOnly(m_body, u"reasonsTable"_s, {tr("Reason"), tr("Contribution")});
    m_reasons->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_reasons->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_reasons->horizontalHeader()->setStretchLastSection(false);

    auto* countries = new QGridLayout;
    const QStringList heads{tr("Card country"), tr("IP country"), tr("Shipping country"), tr("Billing country")};
    for (int i = 0; i < heads.size(); ++i) {
        countries->addWidget(new QLabel(heads[i], m_body), 0, i);
        auto* value = new QLabel(m_body);
        value->setObjectName(u"country%1"_s.arg(i));
        value->setTextFormat(Qt::RichText);
        countries->addWidget(value, 1, i);
        m_countries.append(value);
    }

    m_approve = verdictButton(m_body, u"approveButton"_s, ReviewText::verdict(risk::ReviewVerdict::Approve), u"A"_s);
    m_decline = verdictButton(m_body, u"declineButton"_s, ReviewText::verdict(risk::ReviewVerdict::Decline), u"D"_s);
    m_fraud = verdictButton(m_body, u"fraudButton"_s, ReviewText::verdict(risk::ReviewVerdict::Fraud), u"F"_s);
    connect(m_approve, &QPushButton::clicked, this, [this] { emit decideRequested(risk::ReviewVerdict::Approve); });
    connect(m_decline, &QPushButton::clicked, this, [this] { emit decideRequested(risk::ReviewVerdict::Decline); });
    connect(m_fraud, &QPushButton::clicked, this, [this] { emit decideRequested(risk::ReviewVerdict::Fraud); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_decline);
    buttons->addWidget(m_fraud);
    buttons->addStretch(1);

    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(m_title);
    body->addWidget(m_facts);
    body->addLayout(countries);
    // the reasons, and beside them what the store knows of the customer and its links
    m_tabs = new QTabWidget(m_body);
    m_tabs->setObjectName(u"reviewTabs"_s);
    m_tabs->setFocusPolicy(Qt::NoFocus); // J/K and A/D/F stay with the queue
    m_tabs->addTab(m_reasons, tr("Why it was held"));
    m_related = new ReviewRelatedView(m_tabs);
    m_tabs->addTab(m_related, tr("Customer and linked payments"));
    body->addWidget(m_tabs, 1);
    body->addWidget(m_claim);
    body->addLayout(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_empty);
    layout->addWidget(m_body, 1);
    clear();
}

void ReviewDetailPanel::showRelated(const risk::Review& full)
{
    if (full.id != m_shownId)
        return; // read for a review no longer shown
    m_related->showReview(full);
    //: the tab's title with how many linked payments it lists
    m_tabs->setTabText(1, full.linked.isEmpty()
                              ? tr("Customer and linked payments")
                              : tr("Customer and linked payments (%n)", nullptr, int(full.linked.size())));
}

void ReviewDetailPanel::clear()
{
    m_shownId = {};
    m_body->hide();
    m_empty->show();
    m_canDecide = false;
}

void ReviewDetailPanel::showReview(const risk::Review& r, const QString& me, qint64 nowMs)
{
    m_empty->hide();
    m_body->show();
    const risk::Assessment& a = r.assessment;
    const QString amount = formatMoneyIn(r.amountMinor, r.currency);
    if (a.score < 0)
        //: %1 amount with currency; no model scored the payment
        m_title->setText(tr("<big><b>%1</b></big> &nbsp; not scored").arg(amount));
    else
        //: %1 amount with currency, %2 risk score (0-100)
        m_title->setText(tr("<big><b>%1</b></big> &nbsp; score %2").arg(amount, QString::number(a.score)));
    const QString rule = a.ruleText.isEmpty() ? tr("(no rule)") : a.ruleText.toHtmlEscaped();
    //: %1 email, %2 deciding rule's line, %3 its text, %4 time left before the authorization lapses
    m_facts->setText(tr("Email: %1<br>Rule %2: <code>%3</code><br>Time left: %4")
                         .arg(r.email.toHtmlEscaped(), QString::number(a.ruleLine), rule,
                              ReviewText::duration(r.deadlineMs - nowMs)));
    m_countryCodes = {r.cardCountry, r.ipCountry, r.shippingCountry, r.billingCountry};
    showCountries();
    if (r.id != m_shownId) { // the queue's row has no history: the page reads it and calls showRelated
        m_shownId = r.id;
        m_related->showReading();
        m_tabs->setTabText(1, tr("Customer and linked payments"));
    }

    m_reasons->setRowCount(int(a.reasons.size()));
    bool weighed = false; // by a model: without one, the contribution column would stand empty
    for (int i = 0; i < a.reasons.size(); ++i) {
        const risk::RiskReason& reason = a.reasons[i];
        const QString text = ReviewText::riskReason(reason, r);
        Tables::setRow(m_reasons, i, {text, ReviewText::contribution(reason.contribution)}, {1});
        m_reasons->item(i, 0)->setToolTip(text); // a long reason stays readable in a narrow panel
        weighed = weighed || !ReviewText::contribution(reason.contribution).isEmpty();
    }
    m_reasons->setColumnHidden(1, !weighed);

    const bool held = !r.claimedBy.isEmpty() && r.claimedUntilMs > nowMs;
    const bool mine = held && r.claimedBy == me;
    if (mine)
        m_claim->setText(tr("You hold this review."));
    else if (held)
        //: %1 the user who claimed the review
        m_claim->setText(tr("<b>Held by %1</b>: only they can decide it now.").arg(r.claimedBy.toHtmlEscaped()));
    else
        m_claim->setText(tr("Nobody holds this review."));
    m_canDecide = !held || mine;
    for (QPushButton* b : {m_approve, m_decline, m_fraud})
        b->setEnabled(m_canDecide);
}

void ReviewDetailPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // the mismatch colour is written into the labels' text: a light red stays on a dark window
    if (event->type() == QEvent::PaletteChange && m_countryCodes.size() == m_countries.size())
        showCountries();
}

void ReviewDetailPanel::showCountries()
{
    const QStringList& values = m_countryCodes;
    QSet<QString> known;
    for (const QString& v : values) {
        if (!v.isEmpty())
            known.insert(v);
    }
    const bool mismatch = known.size() > 1;
    const QString colour = theme::text(theme::Tone::Error, palette()).name();
    for (int i = 0; i < values.size(); ++i) {
        const QString v = values[i].isEmpty() ? u"\u2014"_s : values[i].toHtmlEscaped();
        // every known country that differs from the card's (or all, when the card's is unknown)
        const bool odd = mismatch && !values[i].isEmpty() && (values[0].isEmpty() || values[i] != values[0] || i == 0);
        m_countries[i]->setText(odd ? u"<b style=\"color:%1\">%2 \u26a0</b>"_s.arg(colour, v) : v);
        m_countries[i]->setProperty("mismatch", odd);
    }
}

} // namespace souk
