#pragma once

#include <QString>

#include "backend/core/Error.h"

namespace souk {

/// The translated headline for an error's code ("This was changed by someone else in the
/// meantime."); unknown codes get a generic sentence naming the code. Never shows internals.
/// Translation context "ErrorText". Any thread (uses the installed translators). An error whose
/// outcome is unknown (Error::outcomeUnknown) says so, whatever its code.
QString errorText(const souk::Error& error);

/// For a sign-in whose outcome is unknown: what happened, and to sign in again (with the next code).
QString signInOutcomeUnknownText();

/// errorText() preceded by the field's label when the error names one: "Price (variant 3): …".
QString errorTextWithField(const souk::Error& error);

/// The technical text for a message bar's "Details": field label, code name and the English message.
QString errorDetails(const souk::Error& error);

/// A translated label for a backend field name: "title" → "Title", "variants[2].price" →
/// "Price (variant 3)". Unknown names come back unchanged.
QString fieldLabel(const QString& field);

} // namespace souk
