#include "views/people/AuditEntryPane.h"

#include <QGridLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "models/people/AuditText.h"
#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {

AuditEntryPane::AuditEntryPane(QWidget* parent) : QGroupBox(parent)
{
    setObjectName(u"auditDetail"_s);
    setTitle(tr("Selected entry"));
    auto* hint = new QLabel(tr("Select an entry to see who made it, how they signed in, and what it touched."), this);
    hint->setObjectName(u"auditDetailHint"_s);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto* fields = new QWidget(this);
    auto* grid = new QGridLayout(fields);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    addField(grid, 0, 0, u"When"_s, tr("When:"));
    addField(grid, 0, 1, u"User"_s, tr("User:"));
    addField(grid, 0, 2, u"Role"_s, tr("Role:"));
    addField(grid, 1, 0, u"Operation"_s, tr("Operation:"));
    addField(grid, 1, 1, u"Outcome"_s, tr("Outcome:"));
    //: how the user proved who they were: a password sign-in, an API key, the store file
    addField(grid, 1, 2, u"Via"_s, tr("Signed in via:"));
    //: where the request came from: this computer, or a server node and a network address
    addField(grid, 2, 0, u"Origin"_s, tr("Origin:"));
    //: the id of the session or API key the request used
    addField(grid, 2, 1, u"Credential"_s, tr("Credential:"));
    //: the entry's number in the audit log's hash chain
    addField(grid, 2, 2, u"Seq"_s, tr("Entry:"));
    addField(grid, 3, 0, u"Objects"_s, tr("Objects:"), 3);
    addField(grid, 4, 0, u"Reason"_s, tr("Reason:"), 3);
    //: the store's own (technical) message on a failed operation
    addField(grid, 5, 0, u"Detail"_s, tr("Detail:"), 3);
    for (int c = 1; c < 6; c += 2)
        grid->setColumnStretch(c, 1);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(hint);
    m_stack->addWidget(fields);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    // as tall as the entry's fields whether one is shown or not: the table above does not jump
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    showRecord(nullptr);
}

QLabel* AuditEntryPane::addField(QGridLayout* grid, int row, int column, const QString& field, const QString& caption,
                                 int span)
{
    QWidget* parent = grid->parentWidget();
    auto* label = new QLabel(caption, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* value = new QLabel(parent);
    value->setObjectName(u"auditDetail"_s + field);
    value->setTextFormat(Qt::PlainText); // stored text (a reason, a user name) is never read as markup
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(span > 1);
    value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setBuddy(value);
    grid->addWidget(label, row, column * 2);
    grid->addWidget(value, row, column * 2 + 1, 1, span * 2 - 1);
    m_values.insert(field, value);
    return value;
}

void AuditEntryPane::setValue(const QString& field, const QString& text)
{
    QLabel* value = m_values.value(field);
    Q_ASSERT(value);
    value->setText(text.isEmpty() ? u"—"_s : text);
}

void AuditEntryPane::showRecord(const auth::AuditRecord* r)
{
    m_stack->setCurrentIndex(r ? 1 : 0);
    if (!r)
        return;
    setValue(u"When"_s, AuditText::time(r->atMs));
    setValue(u"User"_s, r->userName);
    setValue(u"Role"_s, r->role.isEmpty() ? QString() : AuditText::role(r->role));
    setValue(u"Operation"_s, AuditText::operation(r->operation));
    setValue(u"Outcome"_s, AuditText::outcome(r->outcome));
    setValue(u"Via"_s, AuditText::via(r->via));
    setValue(u"Origin"_s, r->origin);
    setValue(u"Credential"_s, r->credentialId.isNull() ? QString() : r->credentialId.toString());
    setValue(u"Seq"_s, QString::number(r->seq));
    setValue(u"Objects"_s, AuditText::objects(r->objects, u", "_s));
    setValue(u"Reason"_s, r->reason);
    setValue(u"Detail"_s, r->detail);
    QLabel* outcome = m_values.value(u"Outcome"_s);
    if (r->succeeded())
        clearToneText(outcome);
    else
        setToneText(outcome, theme::Tone::Error);
}

} // namespace souk
