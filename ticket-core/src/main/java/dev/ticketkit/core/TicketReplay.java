package dev.ticketkit.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a ticket from its history alone, the proof that the history records every change.
 *
 * <p>Replaying a ticket's complete history yields a ticket equal to the stored one: every field
 * from the entries' {@code after} values (set elements added and removed), the version and the
 * instant of the last change from the last entry, the creation instant from the first, and the
 * status-change instant from the last entry that set the status. Stateless and thread-safe.
 */
public final class TicketReplay {

  private TicketReplay() {}

  /**
   * Replays a ticket's history.
   *
   * @param history the ticket's entries in {@code (ticketVersion, position)} order, starting with
   *     version 1
   * @return the ticket as the history says it is
   * @throws InvalidInputException if the history is empty, mixes tickets, is out of order, has a
   *     gap in its versions, or holds a value that does not parse
   */
  public static Ticket replay(List<HistoryEntry> history) {
    checkOrder(Texts.notNull("history", history));
    FieldCodec.Flat flat = FieldCodec.Flat.empty();
    Instant statusChangedAt = history.get(0).at();
    Instant requesterUpdatedAt = history.get(0).at();
    for (HistoryEntry e : history) {
      apply(flat, e);
      if (e.field().equals(TicketField.STATUS)) {
        statusChangedAt = e.at();
      }
      if (updatesRequester(e)) {
        requesterUpdatedAt = e.at();
      }
    }
    HistoryEntry first = history.get(0);
    HistoryEntry last = history.get(history.size() - 1);
    TicketBuilder b = Ticket.builder().tenant(first.tenant()).id(first.ticketId())
        .createdAt(first.at()).updatedAt(last.at()).statusChangedAt(statusChangedAt)
        .version(last.ticketVersion()).set(TicketFields.REQUESTER_UPDATED_AT, requesterUpdatedAt);
    return ReplayDecoder.decode(flat, b);
  }

  /**
   * Replays a ticket's history version by version: the ticket as it was after each stored change.
   * The last element equals {@link #replay(List) replay(history)}; the list is built in one pass,
   * so a long history costs one decode per version, not one replay per version.
   *
   * @param history the ticket's entries in {@code (ticketVersion, position)} order, starting with
   *     version 1
   * @return the ticket after version 1, 2, ... in order (element {@code i} has version
   *     {@code i + 1})
   * @throws InvalidInputException if the history is empty, mixes tickets, is out of order, has a
   *     gap in its versions, or holds a value that does not parse
   */
  public static List<Ticket> versions(List<HistoryEntry> history) {
    checkOrder(Texts.notNull("history", history));
    FieldCodec.Flat flat = FieldCodec.Flat.empty();
    HistoryEntry first = history.get(0);
    Instant statusChangedAt = first.at();
    Instant requesterUpdatedAt = first.at();
    List<Ticket> out = new java.util.ArrayList<>();
    java.util.Set<String> changed = new java.util.HashSet<>();
    Ticket previous = null;
    int n = history.size();
    for (int i = 0; i < n; i++) {
      HistoryEntry e = history.get(i);
      apply(flat, e);
      changed.add(e.field());
      if (e.field().equals(TicketField.STATUS)) {
        statusChangedAt = e.at();
      }
      if (updatesRequester(e)) {
        requesterUpdatedAt = e.at();
      }
      if (i == n - 1 || history.get(i + 1).ticketVersion() != e.ticketVersion()) {
        if (previous == null) {
          TicketBuilder b = Ticket.builder().tenant(first.tenant()).id(first.ticketId())
              .createdAt(first.at()).updatedAt(e.at()).statusChangedAt(statusChangedAt)
              .version(e.ticketVersion())
              .set(TicketFields.REQUESTER_UPDATED_AT, requesterUpdatedAt);
          previous = ReplayDecoder.decode(flat, b);
        } else {
          TicketBuilder b = previous.toBuilder().updatedAt(e.at())
              .statusChangedAt(statusChangedAt).version(e.ticketVersion())
              .set(TicketFields.REQUESTER_UPDATED_AT, requesterUpdatedAt);
          previous = ReplayDecoder.decodeChanged(flat, b, changed);
        }
        out.add(previous);
        changed.clear();
      }
    }
    return out;
  }

  /** A public conversation entry by the team (not the requester) updates the requester. */
  private static boolean updatesRequester(HistoryEntry e) {
    return e.field().equals(TicketField.CONVERSATION) && Visibility.PUBLIC.name().equals(e.after())
        && e.actor().kind() != ActorKind.REQUESTER;
  }

  private static void apply(FieldCodec.Flat flat, HistoryEntry e) {
    String field = e.field();
    if (field.equals(TicketField.CONVERSATION) || field.equals(TicketField.TRANSITION)
        || field.equals(TicketField.CAUSE) || field.equals(TicketField.REDACTION)) {
      return;
    }
    Set<String> set = flat.sets().get(field);
    if (set != null) {
      if (e.before() != null) {
        set.remove(e.before());
      }
      if (e.after() != null) {
        set.add(e.after());
      }
      return;
    }
    Map<String, String> scalars = flat.scalars();
    if (e.after() == null) {
      scalars.remove(field);
    } else {
      scalars.put(field, e.after());
    }
  }

  private static void checkOrder(List<HistoryEntry> history) {
    if (history.isEmpty()) {
      throw new InvalidInputException("history", "[]", "must not be empty");
    }
    HistoryEntry first = history.get(0);
    long version = 1;
    int position = 0;
    for (HistoryEntry e : history) {
      if (!e.tenant().equals(first.tenant()) || !e.ticketId().equals(first.ticketId())) {
        throw new InvalidInputException("history", e, "mixes tickets");
      }
      if (e.ticketVersion() == version + 1 && e.position() == 0 && position > 0) {
        version++;
        position = 0;
      }
      if (e.ticketVersion() != version || e.position() != position) {
        throw new InvalidInputException("history", e,
            "is out of order: expected version " + version + " position " + position);
      }
      position++;
    }
  }
}
