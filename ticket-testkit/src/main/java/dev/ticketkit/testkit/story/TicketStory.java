package dev.ticketkit.testkit.story;

import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A ticket's life as data: the tenant, when it arrives, what is known at intake, and the steps
 * that follow. A story driver ({@code SlaHarness.run}) plays it through a real
 * {@code TicketService} with a manual clock, so its history is a real ticket history.
 *
 * <p>jqwik shrinks a failing story to a short one, and {@link #toString()} prints it as a
 * numbered list, for example:
 *
 * <pre>
 * TicketStory for tenant acme: HIGH ticket via EMAIL, category none, tags [], custom fields {},
 *   arriving 2026-03-06T09:59:59Z
 *   1. +15m: accept; tick A
 *   2. +until RESOLUTION due: propose resolution
 * </pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param arrival when the ticket is opened
 * @param intake what is known at intake
 * @param steps what happens next, in order
 */
public record TicketStory(TenantId tenant, Instant arrival, NewTicket intake,
    List<StoryStep> steps) {

  /**
   * Validates the story and copies the steps.
   *
   * @throws NullPointerException if a part is null
   */
  public TicketStory {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(arrival, "arrival");
    Objects.requireNonNull(intake, "intake");
    steps = List.copyOf(steps);
  }

  /**
   * Describes the intake in one line: priority, channel, category, tags and custom fields.
   *
   * @return such as {@code HIGH ticket via EMAIL, category payment, tags [vip], custom fields {}}
   */
  public String describeIntake() {
    return intake.priority() + " ticket via " + intake.channel() + ", category "
        + (intake.category() == null ? "none" : intake.category()) + ", tags " + intake.tags()
        + ", custom fields " + intake.customFields();
  }

  /**
   * Returns the story as a numbered list (see the class comment).
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("TicketStory for tenant ").append(tenant).append(": ")
        .append(describeIntake()).append(",\n  arriving ").append(arrival);
    for (int i = 0; i < steps.size(); i++) {
      b.append("\n  ").append(i + 1).append(". ").append(steps.get(i));
    }
    return b.append('\n').toString();
  }
}
