package dev.ticketkit.core;

import java.time.Instant;

/** Makes a new ticket from an intake form. Stateless and thread-safe. */
final class Intake {

  private Intake() {}

  static Ticket ticket(TenantId tenant, TicketId id, long number, NewTicket intake,
      Status initial, Instant now) {
    return Ticket.builder()
        .tenant(tenant)
        .id(id)
        .number(number)
        .requester(intake.requester())
        .channel(intake.channel())
        .subject(intake.subject())
        .description(intake.description())
        .scenario(intake.scenario())
        .errorMessage(intake.errorMessage())
        .reproductionSteps(intake.reproductionSteps())
        .attachments(intake.attachments())
        .accountReference(intake.accountReference())
        .category(intake.category())
        .priority(intake.priority())
        .tier(intake.tier())
        .tags(intake.tags())
        .customFields(intake.customFields())
        .status(initial)
        .statusChangedAt(now)
        .createdAt(now)
        .updatedAt(now)
        .version(1)
        .build();
  }
}
