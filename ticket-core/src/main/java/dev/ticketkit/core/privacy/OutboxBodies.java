package dev.ticketkit.core.privacy;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketNoted;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketReplied;
import dev.ticketkit.core.outbox.OutboxListener;
import dev.ticketkit.core.outbox.OutboxMessage;
import java.util.List;
import java.util.Objects;

/**
 * Outbox listeners for subscribers that need no message bodies: a search index of ticket states,
 * a metrics feed, a chat-ops notifier. Wrap such a subscriber with {@link #withheld} and it
 * receives every event, with replies' and notes' bodies replaced by {@value #WITHHELD}, their
 * attachments removed and ratings' comments dropped; everything else (ids, versions, actors,
 * instants, states) is unchanged. Stateless and thread-safe.
 */
public final class OutboxBodies {

  /** The body a withheld reply or note carries. */
  public static final String WITHHELD = "[withheld]";

  private OutboxBodies() {}

  /**
   * Returns a listener that hands each message to another listener with the bodies withheld.
   *
   * @param subscriber the listener that must not see bodies
   * @return the wrapping listener
   * @throws NullPointerException if the subscriber is null
   */
  public static OutboxListener withheld(OutboxListener subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    return message -> subscriber.deliver(new OutboxMessage(message.sequence(),
        message.idempotencyKey(), withheld(message.event()), message.attempt()));
  }

  /**
   * Returns an event with its body withheld: replies and notes carry {@value #WITHHELD} and no
   * attachments, ratings no comment; other events are returned as they are.
   *
   * @param event the event
   * @return the event without bodies
   */
  public static TicketEvent withheld(TicketEvent event) {
    Objects.requireNonNull(event, "event");
    if (event instanceof TicketReplied r) {
      return new TicketReplied(r.header(), withheld(r.entry()));
    }
    if (event instanceof TicketNoted n) {
      return new TicketNoted(n.header(), withheld(n.entry()));
    }
    if (event instanceof TicketRated r) {
      return new TicketRated(r.header(), Rating.of(r.rating().satisfaction()));
    }
    return event;
  }

  private static ConversationEntry withheld(ConversationEntry e) {
    return new ConversationEntry(e.tenant(), e.ticketId(), e.ticketVersion(), e.visibility(),
        e.author(), e.channel(), e.at(), WITHHELD, List.of());
  }
}
