#include "views/people/TotpSetupDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/people/QrImage.h"
#include "models/people/UserText.h"
#include "views/common/MessageBar.h"
#include "views/common/ToneText.h"
#include "views/people/OneTimeSecretView.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int CodeDigits = 6;

QLabel* wrapped(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

TotpSetupDialog::TotpSetupDialog(Client& client, QWidget* parent) : QDialog(parent), m_client(client)
{
    setObjectName(u"totpSetupDialog"_s);
    setWindowTitle(tr("Set up two-step sign-in"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildEnrolPage());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    setMinimumWidth(540);
    begin();
}

QWidget* TotpSetupDialog::buildEnrolPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(u"enrolPage"_s);
    m_messageBar = new MessageBar(page);
    auto* intro = wrapped(tr("After your password, Souk will also ask for a code from an authenticator app on your "
                             "phone, so a stolen password alone does not get in."),
                          page);
    auto* scan = wrapped(tr("<b>1.</b> In the app, add an account and scan this code:"), page);

    m_qr = new QLabel(tr("Preparing…"), page);
    m_qr->setObjectName(u"qrLabel"_s);
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setMinimumSize(QrSideMinPx, QrSideMinPx);
    m_qr->setAccessibleName(tr("QR code to scan with an authenticator app"));

    auto* type = wrapped(tr("Cannot scan it? Enter this key in the app instead (time-based):"), page);
    m_secret = new QLabel(page);
    m_secret->setObjectName(u"secretLabel"_s);
    m_secret->setTextFormat(Qt::PlainText);
    m_secret->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_secret->setAlignment(Qt::AlignCenter);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(m_secret->font().pointSizeF() * 1.15);
    m_secret->setFont(mono);

    auto* enter = wrapped(tr("<b>2.</b> Enter the %n-digit code the app shows:", nullptr, CodeDigits), page);
    m_code = new QLineEdit(page);
    m_code->setObjectName(u"codeEdit"_s);
    m_code->setMaxLength(CodeDigits + 1); // "123 456", as some apps show it
    m_code->setPlaceholderText(u"123456"_s);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_code->setMaximumWidth(m_code->fontMetrics().horizontalAdvance(u"0000000000"_s) + 24);
    m_code->setEnabled(false);
    m_codeError = new QLabel(page);
    m_codeError->setObjectName(u"codeError"_s);
    m_codeError->setWordWrap(true);
    setToneText(m_codeError, theme::Tone::Error);
    m_codeError->hide();
    connect(m_code, &QLineEdit::textEdited, m_codeError, &QWidget::hide);
    auto* codeForm = new QFormLayout;
    codeForm->addRow(tr("&Code:", "one-time code from an app"), m_code);
    codeForm->addRow(QString(), m_codeError);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    m_confirm = buttons->addButton(tr("&Turn on"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(u"confirmButton"_s);
    m_confirm->setDefault(true);
    m_confirm->setEnabled(false);
    connect(m_confirm, &QPushButton::clicked, this, &TotpSetupDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_messageBar);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addWidget(scan);
    layout->addWidget(m_qr, 0, Qt::AlignHCenter);
    layout->addWidget(type);
    layout->addWidget(m_secret);
    layout->addSpacing(6);
    layout->addWidget(enter);
    layout->addLayout(codeForm);
    layout->addStretch(1);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    return page;
}

void TotpSetupDialog::begin()
{
    onReady(m_client.beginTotp(), this, [this](const Result<auth::TotpEnrolment>& enrolment) {
        if (enrolment) {
            showEnrolment(*enrolment);
        } else {
            m_qr->setText(QString());
            m_qr->setMinimumSize(0, 0);
            if (enrolment.error().code == ErrorCode::Conflict)
                // the store's own owner is nobody to enrol: no user, no phone
                m_messageBar->showError(tr("Two-step sign-in belongs to a user. Add a user for yourself and sign "
                                           "in as it, then set it up."),
                                        errorDetails(enrolment.error()));
            else
                m_messageBar->showError(enrolment.error());
        }
        emit ready();
    });
}

void TotpSetupDialog::showEnrolment(const auth::TotpEnrolment& enrolment)
{
    m_enrolment = enrolment;
    showQr(enrolment.uri);
    m_secret->setText(UserText::groupedSecret(enrolment.secretBase32));
    m_code->setEnabled(true);
    m_confirm->setEnabled(true);
    m_code->setFocus();
}

void TotpSetupDialog::showQr(const QString& uri)
{
    auto image = QrImage::render(uri);
    if (!image) {
        // the key below still works: only the picture is missing
        m_qr->setText(tr("The QR code could not be drawn. Enter the key below instead."));
        m_qr->setWordWrap(true);
        return;
    }
    // whole device pixels per module and no smoothing: every module a sharp square
    const qreal ratio = devicePixelRatioF();
    const int side = image->width();
    const int scale = std::max(1, (QrSideMinPx + side - 1) / side);
    const int devicePx = qRound(side * scale * ratio);
    QPixmap pixmap =
        QPixmap::fromImage(image->scaled(devicePx, devicePx, Qt::IgnoreAspectRatio, Qt::FastTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_qr->setPixmap(pixmap);
    m_qr->setFixedSize(side * scale, side * scale);
}

void TotpSetupDialog::confirm()
{
    if (m_pending || m_enrolment.secretBase32.isEmpty() || !m_code)
        return; // on its way, not begun, or done (the enrolment page is gone)
    static const QRegularExpression spaces(u"\\s"_s);
    const QString code = m_code->text().remove(spaces);
    static const QRegularExpression digits(u"^\\d{%1}$"_s.arg(CodeDigits));
    if (!digits.match(code).hasMatch())
        return showCodeError(tr("Enter the %n digits the app shows.", nullptr, CodeDigits));
    m_codeError->hide();
    m_messageBar->clearMessage();
    setPending(true);
    // the same code sent again after an answer that never came gets the same recovery codes back
    onReady(m_client.confirmTotp(code, m_confirmKey.keyFor(code.toUtf8())), this,
            [this](const Result<QStringList>& codes) { onConfirmed(codes); });
}

void TotpSetupDialog::onConfirmed(const Result<QStringList>& codes)
{
    setPending(false);
    if (!codes) {
        const Error& error = codes.error();
        if (error.field == u"code"_s && error.code == ErrorCode::Invalid)
            return showCodeError(tr("This code does not match. Check that the phone's clock is right, then enter "
                                    "the code the app shows now."),
                                 errorDetails(error));
        m_messageBar->showError(error);
        return;
    }
    m_codes = *codes;
    m_code->clear();
    m_recoveryPage = buildRecoveryPage();
    m_pages->addWidget(m_recoveryPage);
    // the secret is in force now: its page goes, off the screen and out of the window's size
    QWidget* enrolPage = m_pages->widget(0);
    m_pages->setCurrentWidget(m_recoveryPage);
    m_pages->removeWidget(enrolPage);
    enrolPage->deleteLater();
    m_messageBar = nullptr;
    m_qr = m_secret = m_codeError = nullptr;
    m_code = nullptr;
    m_confirm = nullptr;
    m_pages->updateGeometry(); // the window's minimum height was the enrolment page's
    layout()->invalidate();
    layout()->activate();
    adjustSize();
    setWindowTitle(tr("Recovery codes"));
    emit enabled();
}

QWidget* TotpSetupDialog::buildRecoveryPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(u"recoveryCodesPage"_s);
    auto* done = wrapped(tr("<b>Two-step sign-in is on.</b>"), page);
    done->setObjectName(u"doneLabel"_s);
    auto* intro = wrapped(tr("If you lose your phone, sign in with one of these recovery codes instead of a code "
                             "from the app. Each works once. Keep them somewhere safe, away from the phone: a "
                             "password manager or a printout."),
                          page);
    auto* view = new OneTimeSecretView(m_codes.join(u'\n'), UserText::codeColumns(m_codes),
                                       tr("Souk shows these codes only now: it keeps only their fingerprints."), page);
    auto* buttons = new QDialogButtonBox(page);
    QPushButton* saved = buttons->addButton(tr("I have &saved them"), QDialogButtonBox::AcceptRole);
    saved->setObjectName(u"savedButton"_s);
    connect(saved, &QPushButton::clicked, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(done);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addWidget(view);
    layout->addStretch(1);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    // Copy takes the first Enter, not "saved": the codes are gone once the window is
    view->findChild<QPushButton*>(u"copyButton"_s)->setFocus();
    return page;
}

void TotpSetupDialog::showCodeError(const QString& text, const QString& details)
{
    m_codeError->setText(text);
    m_codeError->setToolTip(details);
    m_codeError->show();
    adjustSize(); // the error line takes room of its own: nothing may slide under the QR code
    m_code->setFocus(Qt::OtherFocusReason);
    m_code->selectAll();
}

void TotpSetupDialog::setPending(bool pending)
{
    m_pending = pending;
    m_confirm->setEnabled(!pending);
    m_confirm->setText(pending ? tr("Checking…") : tr("&Turn on"));
}

} // namespace souk
