#pragma once

#include <QLabel>

#include "backend/client/RemoteClient.h"

namespace souk {

/// The status bar's word on the link to a node: the last request's round trip in ms, or
/// "Reconnecting…", or "Offline since HH:MM", in the tone of each. objectName
/// "linkStatusLabel". Owned by the status bar; GUI thread.
class LinkStatusLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkStatusLabel)
public:
    explicit LinkStatusLabel(QWidget* parent = nullptr);

    void setHealth(const LinkHealth& health);
    /// The text for `health`, as the label shows it.
    static QString text(const LinkHealth& health);
};

} // namespace souk
