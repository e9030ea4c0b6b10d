package com.acme.helpdesk;

// README:start
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.testkit.sla.SlaPolicyProperties;

/** Acme's own SLA rules keep every property of SlaPolicyProperties. */
class AcmeSlaProperties extends SlaPolicyProperties {

  @Override
  protected SlaPolicies policies() {
    BusinessCalendar support = BusinessCalendar.fromJson(
        getClass().getResourceAsStream("/acme/support-calendar.json"));
    return SlaPolicies.fromJson(getClass().getResourceAsStream("/acme/sla-policies.json"),
        SlaCalendars.of(support));
  }
}
// README:end
