#include "views/risk/TrainModelDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "backend/core/Clock.h"
#include "models/risk/ModelListModel.h"

using namespace Qt::StringLiterals;

namespace souk {

TrainModelDialog::TrainModelDialog(const Clock& clock, QWidget* parent) : QDialog(parent)
{
    setObjectName(u"trainModelDialog"_s);
    setWindowTitle(tr("Train a risk model"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"modelKindCombo"_s);
    m_kind->addItem(ModelListModel::kindName(u"gbdt"_s), u"gbdt"_s);
    m_kind->addItem(ModelListModel::kindName(u"lr"_s), u"lr"_s);
    m_kind->setItemData(0, tr("Many small decision trees: usually the more accurate, slower to train"),
                        Qt::ToolTipRole);
    m_kind->setItemData(1, tr("One weight per feature: quick to train and easy to explain"), Qt::ToolTipRole);

    const QDate today = QDateTime::fromMSecsSinceEpoch(clock.nowMs()).toLocalTime().date();
    m_cutOff = new QDateEdit(today.addDays(-DefaultCutOffDays), this);
    m_cutOff->setObjectName(u"cutOffEdit"_s);
    m_cutOff->setCalendarPopup(true);
    m_cutOff->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_cutOff->setMaximumDate(today.addDays(-1)); // the model is judged on what came after it

    auto* explanation =
        new QLabel(tr("The model learns from the payments before the cut-off date and is evaluated on the payments "
                      "after it, which it has not seen. Leave enough recent payments after the cut-off to judge it: "
                      "thirty days is a good start."),
                   this);
    explanation->setObjectName(u"trainExplanation"_s);
    explanation->setWordWrap(true);
    auto* duration = new QLabel(tr("Training takes a few seconds per million payments. The new model does not score "
                                   "payments until you activate it."),
                                this);
    duration->setWordWrap(true);
    duration->setEnabled(false); // a hint, greyed

    auto* form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Cut-off date:"), m_cutOff);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_train = buttons->addButton(tr("&Train"), QDialogButtonBox::AcceptRole);
    m_train->setObjectName(u"trainButton"_s);
    m_train->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(duration);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QString TrainModelDialog::kind() const
{
    return m_kind->currentData().toString();
}

qint64 TrainModelDialog::untilMs() const
{
    return m_cutOff->date().startOfDay().toMSecsSinceEpoch();
}

QString TrainModelDialog::requestKey()
{
    return m_key.keyFor(kind().toUtf8() + '\n' + QByteArray::number(untilMs()));
}

} // namespace souk
