#include "views/people/OneTimeSecretDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "views/people/OneTimeSecretView.h"

using namespace Qt::StringLiterals;

namespace souk {

OneTimeSecretDialog::OneTimeSecretDialog(const QString& title, const QString& intro, const QString& secret,
                                         const QString& note, const QString& doneLabel, QWidget* parent)
    : QDialog(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(title);
    auto* introLabel = new QLabel(intro, this);
    introLabel->setObjectName(u"introLabel"_s);
    introLabel->setWordWrap(true);
    m_view = new OneTimeSecretView(secret, {}, note, this);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* done = buttons->addButton(doneLabel, QDialogButtonBox::AcceptRole);
    done->setObjectName(u"doneButton"_s);
    connect(done, &QPushButton::clicked, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addSpacing(4);
    layout->addWidget(m_view);
    layout->addStretch(1); // a taller window than the wrapped text needs: the room goes here
    layout->addSpacing(8);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    // Copy, not Done, takes the first Enter: the secret is gone once the window is
    m_view->findChild<QPushButton*>(u"copyButton"_s)->setFocus();
}

} // namespace souk
