#include "views/import/ImportDonePage.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QVBoxLayout>

#include "models/common/Format.h"
#include "views/import/ImportSession.h"

using namespace Qt::StringLiterals;

namespace souk {

namespace {

/// "12.3" (tenths) from a second up, "0.04" (hundredths, at least 0.01) below: from integer milliseconds.
QString secondsText(qint64 elapsedMs)
{
    const QLocale locale;
    if (elapsedMs >= 1000) {
        const qint64 tenths = (elapsedMs + 50) / 100;
        return locale.toString(tenths / 10) + locale.decimalPoint() + QString::number(tenths % 10);
    }
    const qint64 hundredths = std::max<qint64>(1, (elapsedMs + 5) / 10);
    return locale.toString(0) + locale.decimalPoint() + QString::number(hundredths).rightJustified(2, u'0');
}

} // namespace

ImportDonePage::ImportDonePage(ImportSession& session, QWidget* parent) : QWizardPage(parent), m_session(session)
{
    setObjectName(u"importDonePage"_s);
    setTitle(tr("Imported", "import wizard page title"));
    setSubTitle(tr("The products are in the catalog now."));
    setFinalPage(true);
    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_DialogApplyButton, nullptr, this).pixmap(iconSize));
    m_doneLabel = new QLabel(this);
    m_doneLabel->setObjectName(u"doneLabel"_s);
    m_doneLabel->setWordWrap(true);
    m_doneLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bigger = m_doneLabel->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.2);
    bigger.setBold(true);
    m_doneLabel->setFont(bigger);
    auto* hint = new QLabel(tr("Press Finish to close this window. The catalog shows the new products already."), this);
    hint->setWordWrap(true);

    auto* row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(m_doneLabel, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(hint);
    layout->addStretch(1);
}

void ImportDonePage::initializePage()
{
    const catalog::ImportSummary& summary = m_session.summary;
    const QString seconds = secondsText(summary.elapsedMs);
    //: %1 products created, %2 products updated, %3 variants written, %4 seconds (e.g. "1.3")
    m_doneLabel->setText(tr("Created %1, updated %2 products (%3 variants) in %4 s.")
                             .arg(formatQuantity(summary.productsCreated), formatQuantity(summary.productsUpdated),
                                  formatQuantity(summary.variantsWritten), seconds));
}

} // namespace souk
