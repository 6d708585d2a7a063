// souk: the operations console. Thin: parse arguments, install translations, open the store,
// show the main window (or render every page to PNG and exit).
#include <QApplication>

#include "app/souk/Startup.h"

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    return souk::app::run(app);
}
