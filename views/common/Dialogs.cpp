#include "views/common/Dialogs.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace souk {
namespace {

std::optional<bool>& nextAnswer()
{
    static std::optional<bool> answer;
    return answer;
}

} // namespace

bool Dialogs::confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptLabel)
{
    if (auto& pending = nextAnswer(); pending.has_value()) {
        const bool answer = *pending;
        pending.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(u"confirmDialog"_s);
    QPushButton* accept = box.addButton(acceptLabel, QMessageBox::AcceptRole);
    accept->setObjectName(u"confirmAcceptButton"_s);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"confirmCancelButton"_s);
    // a decision that changes data must not be taken by a stray Enter
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == accept;
}

void Dialogs::setNextAnswer(std::optional<bool> answer)
{
    nextAnswer() = answer;
}

bool Dialogs::hasPendingAnswer()
{
    return nextAnswer().has_value();
}

} // namespace souk
