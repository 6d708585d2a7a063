// souk: the operations console. Thin: parse arguments, install translations, open the store,
// show the main window (or render every page to PNG and exit).
#include <QApplication>

#include "app/souk/Startup.h"

int main(int argc, char* argv[])
{
    souk::app::Options options;
    // first: --help and --version must work where QApplication cannot open a display
    if (const auto exitCode = souk::app::parseArguments(argc, argv, options))
        return *exitCode;
    QApplication app(argc, argv);
    return souk::app::run(app, options);
}
