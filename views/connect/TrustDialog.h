#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QPushButton;

namespace souk {

/// Asks whether to trust a node's certificate by its SHA-256 fingerprint, as ssh does for a new
/// host. With no fingerprint known for the node, it is the first connection; with another one
/// known, the certificate CHANGED: a loud warning, both fingerprints, and the trust button
/// works only once the user ticks that the operator confirmed the new one. Cancel is the
/// default either way. objectName "trustDialog". GUI thread.
class TrustDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustDialog)
public:
    TrustDialog(const QUrl& url, const QString& offered, const QString& known, QWidget* parent = nullptr);

    bool changed() const { return m_changed; }

    /// "AB:CD:…" in two lines of 16 bytes, for reading aloud and comparing.
    static QString twoLines(const QString& fingerprint);

private:
    const bool m_changed;
    QPushButton* m_trust = nullptr;
    QCheckBox* m_confirmed = nullptr;
};

} // namespace souk
