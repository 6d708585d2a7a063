#include "views/risk/AddValuesDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/common/Theme.h"
#include "models/risk/RiskText.h"
#include "views/common/MessageBar.h"
#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {

AddValuesDialog::AddValuesDialog(Client& client, const risk::RiskList& list, QWidget* parent)
    : QDialog(parent), m_client(client), m_list(list)
{
    setObjectName(u"addValuesDialog"_s);
    //: %1 is a list's name as rules write it: @blocked_emails
    setWindowTitle(tr("Add values to %1").arg(u"@"_s + list.name));
    m_messageBar = new MessageBar(this);
    //: %1 what the list holds ("Email addresses"), %2 an example value
    auto* hint = new QLabel(tr("One value a line. This list holds: %1 (for example %2). Values already in "
                               "the list are left as they are.")
                                .arg(RiskText::listKind(list.kind), RiskText::listKindExample(list.kind)),
                            this);
    hint->setWordWrap(true);
    m_values = new QPlainTextEdit(this);
    m_values->setObjectName(u"valuesEdit"_s);
    m_values->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_values->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_values->setTabChangesFocus(true);
    m_error = new QLabel(this);
    m_error->setObjectName(u"valuesError"_s);
    m_error->setWordWrap(true);
    setToneText(m_error, theme::Tone::Error);
    m_error->hide();
    connect(m_values, &QPlainTextEdit::textChanged, this, [this] {
        m_error->hide();
        m_values->setExtraSelections({});
    });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("&Add values"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(u"addButton"_s);
    connect(m_add, &QPushButton::clicked, this, &AddValuesDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(hint);
    layout->addWidget(m_values, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 420);
}

void AddValuesDialog::submit()
{
    m_messageBar->clearMessage();
    const PastedValues pasted = PastedValues::from(m_values->toPlainText());
    if (pasted.isEmpty()) {
        m_error->setText(tr("Paste or type at least one value, one a line."));
        m_error->show();
        m_values->setFocus();
        return;
    }
    const QString key = m_key.keyFor(pasted.values().join(u'\n').toUtf8());
    m_add->setEnabled(false);
    onReady(m_client.addRiskListValues(m_list.name, pasted.values(), key), this,
            [this, pasted](const Result<RiskListChange>& result) {
                m_add->setEnabled(true);
                if (!result) {
                    showStoreError(result.error(), pasted);
                    return;
                }
                emit added(*result);
                accept();
            });
}

void AddValuesDialog::showStoreError(const Error& error, const PastedValues& sent)
{
    const int line = sent.lineOf(error.field);
    if (line == 0) {
        m_messageBar->showError(RiskText::errorWithField(error), errorDetails(error));
        return;
    }
    //: %1 the line the user typed, %2 the value on it, %3 what the list holds ("Email addresses")
    m_error->setText(tr("Line %1 (“%2”) does not fit this list (%3). Nothing was added: correct or remove "
                        "that line, then add again.")
                         .arg(line)
                         .arg(sent.valueOf(error.field).left(60), RiskText::listKind(m_list.kind)));
    m_error->setToolTip(error.message);
    m_error->show();
    markLine(line);
}

void AddValuesDialog::markLine(int line)
{
    const QTextBlock block = m_values->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextEdit::ExtraSelection mark;
    mark.format.setBackground(theme::tint(theme::Tone::Error, palette()).background);
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    mark.cursor = QTextCursor(block);
    m_values->setExtraSelections({mark});
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    m_values->setTextCursor(cursor);
    m_values->setFocus();
}

} // namespace souk
