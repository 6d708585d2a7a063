#pragma once

#include <QString>

#include "backend/core/Error.h"

namespace souk {

/// The translated headline for an error's code ("This was changed by someone else in the
/// meantime."); unknown codes get a generic sentence naming the code. Never shows internals.
/// Translation context "ErrorText". Any thread (uses the installed translators).
QString errorText(const souk::Error& error);

/// errorText() preceded by the field's label when the error names one: "Price (variant 3): …".
QString errorTextWithField(const souk::Error& error);

/// The technical text for a message bar's "Details": field label, code name and the English message.
QString errorDetails(const souk::Error& error);

/// A translated label for a backend field name: "title" → "Title", "variants[2].price" →
/// "Price (variant 3)". Unknown names come back unchanged.
QString fieldLabel(const QString& field);

} // namespace souk
