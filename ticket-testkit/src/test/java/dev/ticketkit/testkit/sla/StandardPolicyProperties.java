package dev.ticketkit.testkit.sla;

import dev.ticketkit.sla.policy.SlaPolicies;

/** The ready SLA properties hold for the standard policies on the standard calendars. */
class StandardPolicyProperties extends SlaPolicyProperties {

  @Override
  protected SlaPolicies policies() {
    return SlaPolicies.standard();
  }
}
