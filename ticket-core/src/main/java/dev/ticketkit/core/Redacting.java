package dev.ticketkit.core;

import dev.ticketkit.core.privacy.Redaction;
import dev.ticketkit.core.privacy.Redactor;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs the service's redactor over what a write call brings in, before the draft is made: the
 * intake's texts, a reply's or note's body, the texts and text custom fields an edit changes, and
 * a rating's comment. The counts become one history entry
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

  /** The ticket texts masked when an edit changes them: the intake texts and the resolution. */
  static final List<TicketField<String>> EDITED_TEXTS = List.of(TicketFields.SUBJECT,
      TicketFields.DESCRIPTION, TicketFields.SCENARIO, TicketFields.ERROR_MESSAGE,
      TicketFields.REPRODUCTION_STEPS, TicketFields.RESOLUTION_SUMMARY);

  /**
   * Masks, in a builder an edit was applied to, the texts the edit changed: the
   * {@link #EDITED_TEXTS} and the text custom fields whose value differs from the ticket's
   * before. Values the edit left alone are not touched (they were stored under the rules of
   * their own write).
   */
  void edited(Ticket before, TicketBuilder after) {
    for (TicketField<String> f : EDITED_TEXTS) {
      String value = after.get(f);
      if (value != null && !value.equals(before.get(f))) {
        String masked = mask(value);
        if (!masked.equals(value)) {
          after.set(f, masked);
        }
      }
    }
    SortedMap<String, CustomFieldValue> fields = after.get(TicketFields.CUSTOM_FIELDS);
    if (fields == null) {
      return;
    }
    SortedMap<String, CustomFieldValue> old = before.get(TicketFields.CUSTOM_FIELDS);
    SortedMap<String, CustomFieldValue> out = null;
    for (Map.Entry<String, CustomFieldValue> e : fields.entrySet()) {
      if (e.getValue() instanceof CustomFieldValue.Text text
          && !e.getValue().equals(old == null ? null : old.get(e.getKey()))) {
        String masked = mask(text.value());
        if (!masked.equals(text.value())) {
          out = out == null ? new TreeMap<>(fields) : out;
          out.put(e.getKey(), new CustomFieldValue.Text(masked));
        }
      }
    }
    if (out != null) {
      after.set(TicketFields.CUSTOM_FIELDS, out);
    }
  }

  /** Returns the rating with its comment masked. */
  Rating rating(Rating rating) {
    String comment = rating.comment();
    String masked = comment == null ? null : mask(comment);
    return masked == null || masked.equals(comment) ? rating : rating.withComment(masked);
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
