#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <optional>

#include "backend/core/Change.h"
#include "backend/core/Error.h"
#include "backend/risk/decisions/RiskTypes.h"

namespace souk {

class Client;

/// Every trained scoring model, newest first: version, kind, the active marker, the cut-off it was
/// trained until, its held-out AUC and recall at 1 % false positives, the fraud it learned from,
/// who trained it and when. Read whole (a store keeps tens of models) and merged row by row: a new
/// version is inserted, a changed one (activated, deactivated) updated in place. Reads again when
/// the change feed names a model ("risk_model") and after each command the tab runs. Owned by its
/// tab; GUI thread.
class ModelListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelListModel)
public:
    enum Column
    {
        Version,
        Kind,
        State,
        TrainedUntil,
        Auc,
        RecallAt1Pct,
        TrainRows,
        Author,
        Created,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< numbers as numbers (NaN where a figure is missing), texts as stored
        VersionRole,            ///< the row's version as qint64
    };

    explicit ModelListModel(Client& client, QObject* parent = nullptr);

    void reload();
    bool isLoaded() const { return m_loaded; }
    const std::optional<Error>& loadError() const { return m_loadError; }
    const risk::ModelVersion& modelAt(int row) const { return m_rows.at(row); }
    /// -1 when no row holds the version.
    int rowOf(qint64 version) const;
    /// The model that scores payments, 0 when none does.
    qint64 activeVersion() const;
    /// Shows `versions` (newest first), changing only the rows that differ.
    void merge(const QList<risk::ModelVersion>& versions);

    /// "Logistic regression", "Gradient-boosted trees"; an unknown kind as stored.
    static QString kindName(const QString& kind);
    /// "Model 3 (gradient-boosted trees)": how a sentence names a version.
    static QString modelName(const risk::ModelVersion& model);
    /// `fraction` as a percentage in the user's locale ("84.2 %", "84.2%").
    static QString percent(double fraction, int decimals = 1);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// A read finished (see loadError()).
    void loaded();

private:
    void onChanges(const ChangeList& changes);
    QVariant display(const risk::ModelVersion& m, int column) const;
    QVariant raw(const risk::ModelVersion& m, int column) const;

    Client& m_client;
    QList<risk::ModelVersion> m_rows;
    int m_generation = 0;
    bool m_loaded = false;
    std::optional<Error> m_loadError;
};

} // namespace souk
