#include "views/connect/TrustDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

QLabel* fingerprintLabel(const QString& fingerprint, const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(TrustDialog::twoLines(fingerprint), parent);
    label->setObjectName(objectName);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(fingerprint);
    return label;
}

} // namespace

QString TrustDialog::twoLines(const QString& fingerprint)
{
    const QStringList bytes = fingerprint.toUpper().split(u':');
    if (bytes.size() <= 16)
        return fingerprint.toUpper();
    return bytes.mid(0, 16).join(u':') + u":\n"_s + bytes.mid(16).join(u':');
}

TrustDialog::TrustDialog(const QUrl& url, const QString& offered, const QString& known, QWidget* parent)
    : QDialog(parent), m_changed(!known.isEmpty() && known.toUpper() != offered.toUpper())
{
    setObjectName(u"trustDialog"_s);
    setWindowTitle(m_changed ? tr("Warning: the node's certificate changed") : tr("Trust this node?"));
    auto* icon = new QLabel(this);
    icon->setPixmap(style()
                        ->standardIcon(m_changed ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxQuestion)
                        .pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);

    auto* headline = new QLabel(this);
    headline->setObjectName(u"trustHeadline"_s);
    headline->setWordWrap(true);
    QFont big = headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * (m_changed ? 1.3 : 1.1));
    headline->setFont(big);
    auto* text = new QLabel(this);
    text->setObjectName(u"trustText"_s);
    text->setWordWrap(true);
    auto* fingerprints = new QFormLayout;
    fingerprints->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    if (m_changed) {
        //: %1 = the node's URL
        headline->setText(tr("The certificate of %1 has CHANGED since you last connected.").arg(url.toString()));
        setToneText(headline, theme::Tone::Error);
        text->setText(tr("Someone may be posing as the node to read what you send, or its operator replaced the "
                         "certificate. Do not go on unless the operator told you of a new certificate and you "
                         "compared its fingerprint."));
        fingerprints->addRow(tr("Trusted until now:"), fingerprintLabel(known, u"knownFingerprint"_s, this));
        fingerprints->addRow(tr("Offered now:"), fingerprintLabel(offered, u"offeredFingerprint"_s, this));
    } else {
        //: %1 = the node's URL
        headline->setText(tr("First connection to %1").arg(url.toString()));
        text->setText(tr("This computer has not connected to this node before, and no authority it knows signed the "
                         "node's certificate. Ask the node's operator for its SHA-256 fingerprint and compare it "
                         "with this one before you trust it:"));
        fingerprints->addRow(tr("SHA-256:"), fingerprintLabel(offered, u"offeredFingerprint"_s, this));
    }

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelTrustButton"_s);
    m_trust = buttons->addButton(m_changed ? tr("&Trust the new certificate") : tr("&Trust and connect"),
                                 QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(u"trustButton"_s);
    m_trust->setAutoDefault(false);
    cancel->setDefault(true); // Enter never trusts by accident
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* body = new QVBoxLayout;
    body->addWidget(headline);
    body->addWidget(text);
    body->addLayout(fingerprints);
    if (m_changed) {
        m_confirmed = new QCheckBox(tr("The node's operator &confirmed the new fingerprint"), this);
        m_confirmed->setObjectName(u"confirmedCheck"_s);
        m_trust->setEnabled(false);
        connect(m_confirmed, &QCheckBox::toggled, m_trust, &QPushButton::setEnabled);
        body->addWidget(m_confirmed);
    }
    auto* top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(8);
    top->addLayout(body, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    cancel->setFocus();
}

} // namespace souk
