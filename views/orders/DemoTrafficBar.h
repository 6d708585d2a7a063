#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace souk {

class DemoTrafficSource;

/// Start/stop and rate of the demo traffic, shown under the orders table when souk runs with
/// --demo. objectName "demoTrafficBar". GUI thread.
class DemoTrafficBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTrafficBar)
public:
    DemoTrafficBar(DemoTrafficSource& source, int initialRate, QWidget* parent = nullptr);

private:
    void toggle();
    void showRunning(bool running);

    DemoTrafficSource& m_source;
    QSpinBox* m_rate = nullptr;
    QPushButton* m_button = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace souk
