#pragma once

#include <QGroupBox>
#include <QHash>

#include "backend/auth/AuditRecord.h"

class QGridLayout;
class QLabel;
class QStackedWidget;

namespace souk {

/// The selected audit entry in full, under the audit table: when, who with which role, what,
/// how they signed in and from where (the credential used), the objects, the reason given and
/// the store's message on a failure. Its values can be selected with the mouse to copy an id.
/// objectName "auditDetail"; each value is a QLabel named "auditDetail<Field>" ("auditDetailVia").
/// Owned by the audit page; GUI thread.
class AuditEntryPane final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditEntryPane)
public:
    explicit AuditEntryPane(QWidget* parent = nullptr);
    /// Shows `record` (copied), or a hint to select an entry when null.
    void showRecord(const auth::AuditRecord* record);

private:
    /// A caption and its value at (`row`, `column` pair) of the grid; the value spans `span` pairs.
    QLabel* addField(QGridLayout* grid, int row, int column, const QString& field, const QString& caption,
                     int span = 1);
    void setValue(const QString& field, const QString& text);

    QStackedWidget* m_stack = nullptr;
    QHash<QString, QLabel*> m_values; ///< by field: "When", "Via", ...
};

} // namespace souk
