package dev.ticketkit.sla;

import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;

/** Small policy documents for tests. */
final class TestPolicies {

  private TestPolicies() {}

  /** A gold-tier policy (1h resolution, 24x7) before a default one (1 working day). */
  static SlaPolicies tiered() {
    return SlaPolicies.fromJson("""
        { "policies": [
          { "id": "gold", "when": { "customerTier": ["gold"] }, "calendar": "24x7",
            "targets": { "RESOLUTION": { "*": "1h" } } },
          { "id": "default", "calendar": "cn-mainland",
            "targets": { "RESOLUTION": { "*": "PT7H30M" } } } ] }
        """, SlaCalendars.standard());
  }
}
