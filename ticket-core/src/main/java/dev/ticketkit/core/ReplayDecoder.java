package dev.ticketkit.core;

/**
 * Reads a ticket's flat text form back into a {@link TicketBuilder}, field by field of the table
 * ({@link TicketFields}). Stateless and thread-safe.
 */
final class ReplayDecoder {

  private ReplayDecoder() {}

  static Ticket decode(FieldCodec.Flat flat, TicketBuilder b) {
    for (TicketField<?> f : TicketFields.all()) {
      if (f.isRecorded()) {
        decodeField(f, flat, b);
      }
    }
    return b.build();
  }

  /**
   * Decodes only the fields a change named into a builder that already holds the ticket before
   * the change (the fields it did not name keep their values).
   */
  static Ticket decodeChanged(FieldCodec.Flat flat, TicketBuilder b, java.util.Set<String> changed) {
    boolean custom = false;
    for (String name : changed) {
      if (name.startsWith(TicketField.CUSTOM_PREFIX)) {
        custom = true;
        break;
      }
    }
    for (TicketField<?> f : TicketFields.all()) {
      if (f.isRecorded() && (changed.contains(f.name())
          || (custom && f == TicketFields.CUSTOM_FIELDS))) {
        decodeField(f, flat, b);
      }
    }
    return b.build();
  }

  private static <T> void decodeField(TicketField<T> field, FieldCodec.Flat flat,
      TicketBuilder b) {
    T value = field.history.read(field.name(), flat);
    if (value == null && field.isRequired()) {
      throw new InvalidInputException("history", field.name(), "never sets this required field");
    }
    b.set(field, value);
  }
}
