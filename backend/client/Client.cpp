// The Client interface's own translation unit: its moc output (the signals) is built with the
// API-only target, so models and views link the interface without the engine behind it.
#include "backend/client/Client.h"
