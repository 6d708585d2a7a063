#include "views/people/OneTimeSecretView.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int CopiedShownMs = 2000; ///< how long the button says "Copied"

} // namespace

OneTimeSecretView::OneTimeSecretView(const QString& secret, const QString& shown, const QString& note, QWidget* parent)
    : QWidget(parent), m_secret(secret)
{
    auto* box = new QFrame(this);
    box->setObjectName(u"secretBox"_s);
    box->setFrameShape(QFrame::StyledPanel);
    box->setAutoFillBackground(true);
    box->setBackgroundRole(QPalette::Base);
    auto* text = new QLabel(shown.isEmpty() ? secret : shown, box);
    text->setObjectName(u"secretText"_s);
    text->setTextFormat(Qt::PlainText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setAccessibleName(tr("Secret, shown once"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(text->font().pointSizeF() * 1.15); // read off a screen and typed elsewhere
    text->setFont(mono);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(12, 10, 12, 10);
    boxLayout->addWidget(text);

    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(u"copyButton"_s);
    m_copy->setToolTip(tr("Copy to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, &OneTimeSecretView::copy);

    auto* shownOnce = new QLabel(note, this);
    shownOnce->setObjectName(u"shownOnceNote"_s);
    shownOnce->setWordWrap(true);
    setToneText(shownOnce, theme::Tone::Warning);
    QFont bold = shownOnce->font();
    bold.setBold(true);
    shownOnce->setFont(bold);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box, 0, 0);
    layout->addWidget(m_copy, 0, 1, Qt::AlignTop);
    layout->addWidget(shownOnce, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);
}

void OneTimeSecretView::copy()
{
    QGuiApplication::clipboard()->setText(m_secret);
    m_copy->setText(tr("Copied"));
    QTimer::singleShot(CopiedShownMs, this, [this] { m_copy->setText(tr("&Copy")); });
    emit copied();
}

} // namespace souk
