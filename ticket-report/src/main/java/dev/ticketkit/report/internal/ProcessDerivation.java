package dev.ticketkit.report.internal;

import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.LinkType;
import dev.ticketkit.core.ProblemRecord;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketLink;
import dev.ticketkit.core.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Derives a ticket's support-process facts ({@link ProcessFact}) from its history, one change
 * (one ticket version) at a time, so that the SQL source's follower can write a change's effect
 * without reading anything, and the in-memory source folds the same function over the whole
 * history ({@link #forTicket}).
 *
 * <p>Implementation notes: a change's effect ({@link Change}) is the facts it puts (inserted, or
 * replaced by kind and seq) and the kinds whose open fact from earlier changes it closes. Of the
 * kinds FOLLOW_UP, PROBLEM and RATING_REQUEST a ticket has at most one open fact at a time (each
 * is closed before the next one opens), so "close the open one" needs no key; a fact opened and
 * closed within the same change is closed before it is put. Closing and putting never touch the
 * same row, so the SQL source may run them together on one snapshot. Stateless and thread-safe.
 */
public final class ProcessDerivation {

  /** The cause text {@code AutoClose} records when a rating request expires. */
  static final String RATING_EXPIRED_CAUSE = "rating request expired";

  private static final Set<ProcessFact.Kind> SINGLE_OPEN = EnumSet.of(
      ProcessFact.Kind.FOLLOW_UP, ProcessFact.Kind.PROBLEM, ProcessFact.Kind.RATING_REQUEST);

  /**
   * What a change closes: the open fact of a kind, from an earlier change.
   *
   * @param kind the kind
   * @param at when it closed
   * @param state how
   */
  public record Close(ProcessFact.Kind kind, Instant at, String state) {}

  /**
   * One change's effect.
   *
   * @param closes the open facts of earlier changes it closes, at most one per kind
   * @param puts the facts it inserts or replaces (by kind and seq)
   */
  public record Change(List<Close> closes, List<ProcessFact> puts) {

    /** Copies the lists. */
    public Change {
      closes = List.copyOf(closes);
      puts = List.copyOf(puts);
    }

    /**
     * Returns whether the change does nothing.
     *
     * @return true without closes and puts
     */
    public boolean isEmpty() {
      return closes.isEmpty() && puts.isEmpty();
    }
  }

  private ProcessDerivation() {}

  /**
   * Derives every process fact of a ticket from its whole history.
   *
   * @param t the ticket as it is now
   * @param history its history, in order
   * @return the facts, in the order they opened
   */
  public static List<ProcessFact> forTicket(Ticket t, List<HistoryEntry> history) {
    List<ProcessFact> rows = new ArrayList<>();
    boolean active = false;
    String subject = t.subject();
    int i = 0;
    while (i < history.size()) {
      int j = i;
      long version = history.get(i).ticketVersion();
      while (j < history.size() && history.get(j).ticketVersion() == version) {
        j++;
      }
      List<HistoryEntry> change = history.subList(i, j);
      subject = subjectAfter(subject, change);
      apply(rows, change(t.tenant(), t.id(), t.number(), subject, t.handoffs(), active, change));
      active = activeAfter(active, change);
      i = j;
    }
    return rows;
  }

  /**
   * Whether the ticket was open (NEW, OPEN or PENDING) before a change: the first status entry's
   * before value, else the ticket's status after the change (which the change did not alter); a
   * new ticket was not.
   *
   * @param after the ticket after the change
   * @param change the change's entries
   * @return whether it was open
   */
  public static boolean activeBefore(Ticket after, List<HistoryEntry> change) {
    for (HistoryEntry e : change) {
      if (TicketField.STATUS.equals(e.field())) {
        return e.before() != null && Status.parse(e.before()).category().isActive();
      }
    }
    return after.status().category().isActive();
  }

  /**
   * Applies a change's effect to a ticket's facts.
   *
   * @param rows the ticket's facts, changed in place
   * @param c the effect
   */
  public static void apply(List<ProcessFact> rows, Change c) {
    for (Close close : c.closes()) {
      for (int i = 0; i < rows.size(); i++) {
        ProcessFact f = rows.get(i);
        if (f.kind() == close.kind() && f.isOpen()) {
          rows.set(i, f.closed(close.at(), close.state()));
        }
      }
    }
    for (ProcessFact p : c.puts()) {
      boolean replaced = false;
      for (int i = 0; i < rows.size() && !replaced; i++) {
        if (rows.get(i).kind() == p.kind() && rows.get(i).seq() == p.seq()) {
          rows.set(i, p);
          replaced = true;
        }
      }
      if (!replaced) {
        rows.add(p);
      }
    }
  }

  /**
   * Derives one change's effect.
   *
   * @param tenant the tenant
   * @param id the ticket
   * @param number its number
   * @param subject its subject after the change
   * @param handoffs its hand-offs after the change (put again when the change handed off)
   * @param activeBefore whether it was open before the change ({@link #activeBefore})
   * @param change the change's history entries, in order
   * @return the effect
   */
  public static Change change(TenantId tenant, TicketId id, long number, String subject,
      List<Handoff> handoffs, boolean activeBefore, List<HistoryEntry> change) {
    Effect fx = new Effect(tenant, id, number);
    boolean active = activeBefore;
    boolean handedOff = false;
    for (HistoryEntry e : change) {
      String field = e.field();
      if (TicketField.STATUS.equals(field) && e.after() != null) {
        StatusCategory now = Status.parse(e.after()).category();
        if (now.isActive() && !active) {
          fx.open(ProcessFact.Kind.FOLLOW_UP, e, null, null);
        } else if (!now.isActive() && active) {
          fx.close(ProcessFact.Kind.FOLLOW_UP, e.at(), "INACTIVE");
        }
        if (now == StatusCategory.RESOLVED && (e.before() == null
            || Status.parse(e.before()).category() != StatusCategory.RESOLVED)) {
          fx.close(ProcessFact.Kind.RATING_REQUEST, e.at(), "SUPERSEDED");
          fx.open(ProcessFact.Kind.RATING_REQUEST, e, null, null);
        }
        active = now.isActive();
      } else if (e.action() == HistoryAction.REPLIED
          && Visibility.PUBLIC.name().equals(e.after())
          && e.actor().kind() != ActorKind.REQUESTER && active) {
        fx.close(ProcessFact.Kind.FOLLOW_UP, e.at(), "REPLY");
        fx.open(ProcessFact.Kind.FOLLOW_UP, e, null, null);
      } else if (TicketField.RATING.equals(field) && e.after() != null) {
        fx.close(ProcessFact.Kind.RATING_REQUEST, e.at(), "ANSWERED");
      } else if (TicketField.CAUSE.equals(field) && e.after() != null
          && e.after().startsWith(RATING_EXPIRED_CAUSE)) {
        fx.close(ProcessFact.Kind.RATING_REQUEST, e.at(), "EXPIRED");
      } else if (TicketField.PROBLEM.equals(field) && e.after() != null) {
        problem(fx, e, id, subject);
      } else if (TicketField.LINKS.equals(field) && e.before() == null && e.after() != null) {
        TicketLink link = link(e.after());
        if (link != null && link.type() == LinkType.INCIDENT_OF_PROBLEM) {
          fx.open(ProcessFact.Kind.INCIDENT, e, link.target().toString(), subject);
        }
      } else if (e.action() == HistoryAction.HANDED_OFF) {
        handedOff = true;
      }
    }
    if (handedOff) {
      for (Handoff h : handoffs) {
        fx.put(new ProcessFact(tenant, id, number, ProcessFact.Kind.HANDOFF, h.seq(),
            h.department(), null, h.openedAt(), h.closedAt(),
            h.state().isOpen() ? null : h.state().name()));
      }
    }
    return fx.done();
  }

  private static void problem(Effect fx, HistoryEntry e, TicketId id, String subject) {
    ProcessRecordPair p = ProcessRecordPair.of(e.before(), e.after());
    if (p.before() == null) {
      fx.open(ProcessFact.Kind.PROBLEM, e, id.toString(), subject);
    }
    if (p.after().resolution() != null
        && (p.before() == null || p.before().resolution() == null)) {
      fx.close(ProcessFact.Kind.PROBLEM, e.at(), "RESOLVED");
    }
  }

  /** A problem record before and after an entry. */
  private record ProcessRecordPair(@Nullable ProblemRecord before, ProblemRecord after) {
    static ProcessRecordPair of(@Nullable String before, String after) {
      return new ProcessRecordPair(before == null ? null : ProblemRecord.parse(before),
          ProblemRecord.parse(after));
    }
  }

  private static @Nullable TicketLink link(String text) {
    try {
      return TicketLink.parse(text);
    } catch (InvalidInputException e) {
      return null; // not one link's text form
    }
  }

  private static String subjectAfter(String subject, List<HistoryEntry> change) {
    String s = subject;
    for (HistoryEntry e : change) {
      if (TicketField.SUBJECT.equals(e.field()) && e.after() != null) {
        s = e.after();
      }
    }
    return s;
  }

  private static boolean activeAfter(boolean active, List<HistoryEntry> change) {
    boolean a = active;
    for (HistoryEntry e : change) {
      if (TicketField.STATUS.equals(e.field()) && e.after() != null) {
        a = Status.parse(e.after()).category().isActive();
      }
    }
    return a;
  }

  /** A change's effect while it is derived. */
  private static final class Effect {
    private final TenantId tenant;
    private final TicketId id;
    private final long number;
    private final Map<List<Object>, ProcessFact> puts = new LinkedHashMap<>();
    private final List<Close> closes = new ArrayList<>();
    private final Set<ProcessFact.Kind> closedBefore = EnumSet.noneOf(ProcessFact.Kind.class);

    Effect(TenantId tenant, TicketId id, long number) {
      this.tenant = tenant;
      this.id = id;
      this.number = number;
    }

    void open(ProcessFact.Kind kind, HistoryEntry e, @Nullable String key,
        @Nullable String subject) {
      put(new ProcessFact(tenant, id, number, kind,
          ProcessFact.seqOf(e.ticketVersion(), e.position()), key, subject, e.at(), null, null));
    }

    void put(ProcessFact f) {
      puts.put(List.of(f.kind(), f.seq()), f);
    }

    /** Closes the kind's open fact of this change, else the one of an earlier change. */
    void close(ProcessFact.Kind kind, Instant at, String state) {
      for (Map.Entry<List<Object>, ProcessFact> p : puts.entrySet()) {
        if (p.getValue().kind() == kind && p.getValue().isOpen()) {
          p.setValue(p.getValue().closed(at, state));
          return;
        }
      }
      if (SINGLE_OPEN.contains(kind) && closedBefore.add(kind)) {
        closes.add(new Close(kind, at, state));
      }
    }

    Change done() {
      return new Change(closes, new ArrayList<>(puts.values()));
    }
  }
}
