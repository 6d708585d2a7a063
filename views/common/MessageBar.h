#pragma once

#include <functional>

#include <QFrame>
#include <QString>

class QLabel;
class QPushButton;
class QToolButton;

namespace souk {

struct Error;

/// The inline bar at the top of a page or dialog that reports what happened (KeePassXC's
/// MessageWidget): a short translated headline, optional technical "Details", an optional
/// action ("Undo", "Reload") and a close button. Hidden until a message is shown. Its tint and
/// text follow the palette (light or dark, also when it changes while shown). objectName
/// "messageBar". Owned by its parent widget; GUI thread only.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)
public:
    enum class Kind
    {
        Error,
        Info,
        Success,
    };

    explicit MessageBar(QWidget* parent = nullptr);

    /// Shows a message, replacing the one shown; any previous action is dropped.
    void showMessage(Kind kind, const QString& headline, const QString& details = {});
    void showError(const QString& headline, const QString& details = {});
    /// The translated headline of `error` (models/common/ErrorText.h), its field and message under Details.
    void showError(const souk::Error& error);
    void showInfo(const QString& headline, const QString& details = {});
    void showSuccess(const QString& headline, const QString& details = {});

    /// Adds a button to the message shown (call after show*()). The bar closes after a click.
    void setAction(const QString& label, std::function<void()> callback);
    /// Removes the action button of the message shown (what it offered is no longer possible).
    void clearAction();
    /// Hides the bar and forgets its action.
    void clearMessage();

    Kind kind() const { return m_kind; }
    QString headline() const;
    QString details() const;
    bool hasAction() const;
    /// The colours the bar paints now, from its palette: the tint and the headline's text.
    QColor backgroundColour() const;
    QColor textColour() const;

signals:
    void actionTriggered();
    void closed();

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void applyKind();
    void applyColours();
    void toggleDetails(bool shown);
    void triggerAction();

    Kind m_kind = Kind::Info;
    QLabel* m_icon = nullptr;
    QLabel* m_headline = nullptr;
    QLabel* m_details = nullptr;
    QToolButton* m_detailsButton = nullptr;
    QPushButton* m_actionButton = nullptr;
    QToolButton* m_closeButton = nullptr;
    std::function<void()> m_action;
};

} // namespace souk
