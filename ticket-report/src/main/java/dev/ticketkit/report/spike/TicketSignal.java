package dev.ticketkit.report.spike;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One countable thing that happened to a ticket, as the spike detector reads it. Instances are
 * immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param at when it happened
 * @param kind what it counts
 * @param category the top-level category (first segment), or null when uncategorised
 * @param channel the ticket's channel
 * @param ticketId the ticket
 */
public record TicketSignal(
    TenantId tenant, Instant at, SignalKind kind, @Nullable String category, Channel channel,
    TicketId ticketId) {

  /**
   * Validates the signal.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketSignal {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(ticketId, "ticketId");
  }

  /**
   * Returns the signal of a ticket's intake.
   *
   * @param t the ticket as opened
   * @param kind {@link SignalKind#NEW_TICKET} or {@link SignalKind#COMPLAINT}
   * @return the signal, at the ticket's creation instant
   */
  public static TicketSignal of(Ticket t, SignalKind kind) {
    return new TicketSignal(t.tenant(), t.createdAt(), kind, topLevel(t), t.channel(), t.id());
  }

  /**
   * Returns the signal of a dissatisfied rating.
   *
   * @param t the ticket
   * @param at when it was rated
   * @return the signal
   */
  public static TicketSignal dissatisfied(Ticket t, Instant at) {
    return new TicketSignal(t.tenant(), at, SignalKind.DISSATISFIED, topLevel(t), t.channel(),
        t.id());
  }

  private static @Nullable String topLevel(Ticket t) {
    return t.category() == null ? null : t.category().segments().get(0);
  }
}
