#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <optional>

#include "backend/core/Change.h"
#include "backend/core/Error.h"
#include "backend/risk/decisions/RiskTypes.h"

namespace souk {

class Client;

/// Every rule set version, newest first: version, state (with the shadow marker), note, author,
/// time. Read whole (a store keeps tens of versions) and merged row by row into what is shown:
/// a new version is inserted, a changed one updated in place. Reads again when the change feed
/// names a rule set ("risk_ruleset") and after each command the page runs. Owned by its tab; GUI
/// thread.
class RuleSetListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleSetListModel)
public:
    enum Column
    {
        Version,
        State,
        Author,
        Created,
        Note, ///< last: it takes the table's spare width
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< version and time as numbers, texts as stored
        VersionRole,            ///< the row's version as qint64
    };

    explicit RuleSetListModel(Client& client, QObject* parent = nullptr);

    void reload();
    bool isLoaded() const { return m_loaded; }
    const std::optional<Error>& loadError() const { return m_loadError; }
    const risk::RuleSetVersion& ruleSet(int row) const { return m_rows.at(row); }
    /// -1 when no row holds the version.
    int rowOf(qint64 version) const;
    /// The active version, 0 when none is.
    qint64 activeVersion() const;
    /// Shows `versions` (newest first), changing only the rows that differ.
    void merge(const QList<risk::RuleSetVersion>& versions);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// A read finished (see loadError()).
    void loaded();

private:
    void onChanges(const ChangeList& changes);
    QVariant display(const risk::RuleSetVersion& r, int column) const;

    Client& m_client;
    QList<risk::RuleSetVersion> m_rows;
    int m_generation = 0;
    bool m_loaded = false;
    std::optional<Error> m_loadError;
};

} // namespace souk
