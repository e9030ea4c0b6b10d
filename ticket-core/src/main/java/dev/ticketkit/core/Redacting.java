package dev.ticketkit.core;

import dev.ticketkit.core.privacy.Redaction;
import dev.ticketkit.core.privacy.Redactor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the service's redactor over what a write call brings in, before the draft is made: the
 * intake's texts and a reply's or note's body. The counts become one history entry
 * ({@link TicketField#REDACTION}); the masked text is what gets stored. CPU work only, no store
 * access. Not thread-safe: one instance per call.
 */
final class Redacting {

  /** The ticket texts masked at intake. */
  static final List<TicketField<String>> INTAKE_TEXTS = List.of(TicketFields.SUBJECT,
      TicketFields.DESCRIPTION, TicketFields.SCENARIO, TicketFields.ERROR_MESSAGE,
      TicketFields.REPRODUCTION_STEPS);

  private final Redactor redactor;
  private final Map<String, Integer> counts = new TreeMap<>();

  Redacting(Redactor redactor) {
    this.redactor = redactor;
  }

  /** Returns the new ticket with its intake texts masked. */
  Ticket intake(Ticket fresh) {
    TicketBuilder b = null;
    for (TicketField<String> f : INTAKE_TEXTS) {
      String value = fresh.get(f);
      String masked = value == null ? null : mask(value);
      if (masked != null && !masked.equals(value)) {
        b = (b == null ? fresh.toBuilder() : b).set(f, masked);
      }
    }
    return b == null ? fresh : b.build();
  }

  /** Returns the message with its body masked. */
  Message message(Message message) {
    String masked = mask(message.body());
    return masked.equals(message.body()) ? message
        : new Message(message.channel(), masked, message.attachments());
  }

  private String mask(String text) {
    Redaction r = redactor.redact(text);
    r.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
    return r.text();
  }

  /** Records, if anything was masked, one history entry with the counts under an action. */
  void record(Draft draft, HistoryAction action) {
    if (!counts.isEmpty()) {
      draft.record(action, TicketField.REDACTION, null,
          new Redaction("", counts).summary());
    }
  }
}
