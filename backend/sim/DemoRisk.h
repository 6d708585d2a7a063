#pragma once

#include "backend/core/Id.h"
#include "backend/core/Result.h"

namespace souk {
class LocalClient;
}

namespace souk::sim {

/// The rules a demo store starts with: the model blocks what is clearly fraud from a new customer;
/// a high score from a known customer, or a card paying from another country than its own for
/// goods sent away from the billing address, waits for a person (the demo traffic's stolen cards
/// look like that: a known customer's account, paying abroad).
extern const char* const DemoRules;

/// Gives a new demo store a risk policy to show: half a year of the merchant's simulated payment
/// history (with fraud, labelled late), a gradient-boosted model trained on it and made active,
/// and DemoRules, active. A store that has rules or a model already is left alone. Blocks for a
/// few seconds: call it on a thread of its own, never the GUI's.
Status seedDemoRisk(LocalClient& client, Id merchantId, const QString& currency);

} // namespace souk::sim
