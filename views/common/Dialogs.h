#pragma once

#include <optional>

#include <QString>

class QWidget;

namespace souk {

/// Modal decisions ("Discard changes?", "Change 120 prices?") and nothing else: failures go to the
/// page's MessageBar. Tests pre-answer the next question with setNextAnswer() (KeePassXC's
/// MessageBox::setNextAnswer). GUI thread only.
class Dialogs final
{
public:
    Dialogs() = delete;

    /// Asks a yes/no question; true when the user chose `acceptLabel`. Cancel is the default button,
    /// Escape answers no.
    static bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptLabel);

    /// Answers the NEXT confirm() without showing a dialog, once (then it asks again);
    /// std::nullopt clears a pending answer. Tests only.
    static void setNextAnswer(std::optional<bool> answer);
    /// True while an answer set by setNextAnswer() has not been consumed yet.
    static bool hasPendingAnswer();
};

} // namespace souk
