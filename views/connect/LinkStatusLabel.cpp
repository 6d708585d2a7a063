#include "views/connect/LinkStatusLabel.h"

#include <QDateTime>
#include <QLocale>

#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {

LinkStatusLabel::LinkStatusLabel(QWidget* parent) : QLabel(parent)
{
    setObjectName(u"linkStatusLabel"_s);
    setContentsMargins(12, 0, 4, 0); // apart from the merchant's name before it
    setHealth(LinkHealth{});
}

QString LinkStatusLabel::text(const LinkHealth& health)
{
    switch (health.state) {
    case LinkHealth::State::Online:
        //: status bar: the link to the node is up; %1 = round trip of the last request in milliseconds
        return health.latencyMs > 0 ? tr("\u25cf Online \u00b7 %1 ms").arg(health.latencyMs) : tr("\u25cf Online");
    case LinkHealth::State::Reconnecting:
        return tr("\u25cc Reconnecting\u2026");
    case LinkHealth::State::Offline:
        //: status bar; %1 = the time the node stopped answering ("14:05")
        return tr("\u25cb Offline since %1")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(health.offlineSinceMs).time(), u"HH:mm"_s));
    }
    return {};
}

void LinkStatusLabel::setHealth(const LinkHealth& health)
{
    //: status bar, after the link's state, for a cluster; %1 = nodes taking requests, %2 = nodes
    setText(health.nodes > 1 ? text(health) + tr(" \u00b7 %1 of %2 nodes").arg(health.nodesUp).arg(health.nodes)
                             : text(health));
    switch (health.state) {
    case LinkHealth::State::Online:
        setToneText(this, theme::Tone::Success);
        setToolTip(health.nodes > 1 && health.nodesUp < health.nodes
                       ? tr("Requests go to the nodes that answer; the others are checked every few seconds "
                            "and taken back when they answer again.")
                       : tr("The node answers. The number is the round trip of the last request."));
        break;
    case LinkHealth::State::Reconnecting:
        setToneText(this, theme::Tone::Warning);
        setToolTip(tr("A request to the node failed on the network; Souk is trying again."));
        break;
    case LinkHealth::State::Offline:
        setToneText(this, theme::Tone::Error);
        setToolTip(tr("The node does not answer. Changes you make now fail; Souk keeps trying."));
        break;
    }
}

} // namespace souk
