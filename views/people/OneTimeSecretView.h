#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace souk {

/// A secret Souk shows once and keeps only a hash of (a one-time password, an API key, recovery
/// codes): in a fixed-width font on the base colour, selectable, with a Copy button and a note
/// that it cannot be shown again. Objects "secretText", "copyButton", "shownOnceNote". Owned by
/// its dialog; GUI thread.
class OneTimeSecretView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneTimeSecretView)
public:
    /// `secret` is what Copy puts on the clipboard; `shown` how it reads on screen (grouped, in
    /// columns), or the secret itself when empty.
    OneTimeSecretView(const QString& secret, const QString& shown, const QString& note, QWidget* parent = nullptr);

    const QString& secret() const { return m_secret; }

signals:
    void copied();

private:
    void copy();

    QString m_secret;
    QPushButton* m_copy = nullptr;
};

} // namespace souk
