#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

#include <optional>

#include "backend/core/Change.h"
#include "backend/core/Error.h"
#include "backend/risk/decisions/RiskTypes.h"

namespace souk {

class Client;
class Clock;

/// The open fraud reviews the principal may see (the engine scopes an owner to their merchant),
/// oldest first. Loaded once, then kept by the change feed ("risk_review") review by review: a
/// changed review is read again and updated in place, a closed one leaves, a new one is added.
/// A timer repaints the age and time-left columns and drops reviews whose authorization lapsed.
/// Owned by its page; GUI thread.
class ReviewListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewListModel)
public:
    enum Column
    {
        Amount,
        Score,
        Rule,
        Reasons,
        Age,
        TimeLeft,
        Claim,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< amounts, scores, times as numbers; texts as they are
        IdRole,                 ///< the review id as qint64
    };
    static constexpr int TickMs = 5'000;

    /// `clock` must outlive the model.
    ReviewListModel(Client& client, const Clock& clock, QObject* parent = nullptr);

    void reload();
    bool isLoaded() const { return m_loaded; }
    const std::optional<Error>& loadError() const { return m_loadError; }
    const risk::Review& review(int row) const { return m_rows.at(row); }
    /// -1 when the review is not in the queue.
    int rowOf(Id reviewId) const;
    /// Puts a review read or returned by a command into the queue (or takes it out once closed).
    void apply(const risk::Review& review);
    qint64 nowMs() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    /// A review of the queue was updated, added or removed (after the rows changed).
    void reviewChanged(Id reviewId);

private:
    void onChanges(const ChangeList& changes);
    void tick();
    QVariant display(const risk::Review& r, int column) const;
    QVariant raw(const risk::Review& r, int column) const;
    bool isOpen(const risk::Review& r) const;

    Client& m_client;
    const Clock& m_clock;
    QList<risk::Review> m_rows;
    QTimer m_tick;
    int m_generation = 0;
    bool m_loaded = false;
    std::optional<Error> m_loadError;
};

} // namespace souk
