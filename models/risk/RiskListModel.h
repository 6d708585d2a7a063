#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <optional>

#include "backend/core/Error.h"
#include "backend/risk/decisions/RiskTypes.h"

namespace souk {

class Client;

/// Every risk list (name, kind, entries, description), by name. Read whole (a store keeps a few
/// lists) and merged row by row: a new list is inserted, a changed count updated in place. The
/// lists have no change feed entity, so the page reads again after each of its commands. Owned
/// by its tab; GUI thread.
class RiskListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskListModel)
public:
    enum Column
    {
        Name,
        Kind,
        Entries,
        Description,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< entries as a number, kind as its code
        NameRole,               ///< the list's name (without '@')
    };

    explicit RiskListModel(Client& client, QObject* parent = nullptr);

    void reload();
    bool isLoaded() const { return m_loaded; }
    const std::optional<Error>& loadError() const { return m_loadError; }
    const risk::RiskList& list(int row) const { return m_rows.at(row); }
    /// -1 when there is no such list.
    int rowOf(const QString& name) const;
    QStringList names() const;
    /// Shows `lists` (sorted by name), changing only the rows that differ.
    void merge(const QList<risk::RiskList>& lists);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();

private:
    Client& m_client;
    QList<risk::RiskList> m_rows;
    int m_generation = 0;
    bool m_loaded = false;
    std::optional<Error> m_loadError;
};

} // namespace souk
