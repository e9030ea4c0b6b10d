package dev.ticketkit.report.internal;

import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.report.source.CloseKind;
import dev.ticketkit.report.source.CycleFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Replays one ticket's history into its cycle facts. Not thread-safe: one instance per ticket.
 *
 * <p>Implementation notes. The history is read change by change (entries sharing a version).
 * Intake entries only set the starting state. A CYCLE entry closes the current cycle (its
 * {@code reopenedAt}) and starts the next; a tier raise in a change that also starts a cycle is the
 * reopen's own and is not counted as an escalation. A STATUS entry is read by its category only
 * ({@code NAME(CATEGORY)}), so any workflow is understood. Conversation entries are recognised by
 * the REPLIED action (public replies) and credited by the actor's kind.
 */
final class CycleReplay {

  private final Ticket ticket;
  private final List<Cycle> cycles = new ArrayList<>();
  private StatusCategory status = StatusCategory.NEW;
  private int tier = 1;
  private @Nullable AgentId assignee;

  /** The mutable state of one cycle. */
  private static final class Cycle {
    final int number;
    final Instant startedAt;
    @Nullable Instant acceptedAt;
    @Nullable Instant firstReplyAt;
    @Nullable Instant resolvedAt;
    @Nullable Instant workEndedAt;
    @Nullable Instant closedAt;
    @Nullable CloseKind closeKind;
    @Nullable Instant reopenedAt;
    @Nullable Instant escalatedAt;
    int escalations;
    int agentReplies;
    int followUps;
    @Nullable Rating rating;
    @Nullable Instant ratedAt;
    @Nullable AgentId resolver;
    @Nullable AgentId lastAssigned;

    Cycle(int number, Instant startedAt, @Nullable AgentId assignee) {
      this.number = number;
      this.startedAt = startedAt;
      this.lastAssigned = assignee;
    }

    /**
     * The state a fact was made from. The credited agent is the resolver of a resolved cycle
     * (whose later assignments no longer matter), else the last agent assigned in it.
     */
    static Cycle of(CycleFact f) {
      Cycle c = new Cycle(f.cycle(), f.startedAt(), f.resolvedAt() == null ? f.agent() : null);
      c.acceptedAt = f.acceptedAt();
      c.firstReplyAt = f.firstReplyAt();
      c.resolvedAt = f.resolvedAt();
      c.workEndedAt = f.workEndedAt();
      c.closedAt = f.closedAt();
      c.closeKind = f.closeKind();
      c.reopenedAt = f.reopenedAt();
      c.escalatedAt = f.escalatedAt();
      c.escalations = f.tierEscalations();
      c.agentReplies = f.agentReplies();
      c.followUps = f.requesterFollowUps();
      c.rating = f.rating() == null ? null : new Rating(f.rating(), f.ratingComment(),
          f.dissatisfactionReason() == null ? null
              : DissatisfactionReason.of(f.dissatisfactionReason()));
      c.ratedAt = f.ratedAt();
      c.resolver = f.resolvedAt() == null ? null : f.agent();
      return c;
    }
  }

  CycleReplay(Ticket ticket) {
    this.ticket = ticket;
  }

  List<CycleFact> replay(List<HistoryEntry> history) {
    int i = 0;
    while (i < history.size()) {
      int j = i;
      long version = history.get(i).ticketVersion();
      while (j < history.size() && history.get(j).ticketVersion() == version) {
        j++;
      }
      change(history.subList(i, j));
      i = j;
    }
    if (cycles.isEmpty()) {
      cycles.add(new Cycle(1, ticket.createdAt(), ticket.assignee()));
    }
    List<CycleFact> out = new ArrayList<>(cycles.size());
    cycles.forEach(c -> out.add(toFact(c)));
    return out;
  }

  /**
   * Continues a ticket's cycle facts with one more change: the same facts a replay of the whole
   * history gives, from the facts of the history before the change. The ticket's state before
   * the change (status category, tier, assignee) is read from the change's own entries (each
   * entry holds its field's value before), or from the ticket where the change leaves a field as
   * it was.
   *
   * @param prior the facts of the history before the change, in cycle order (none for a new
   *     ticket)
   * @param entries the change's entries (one ticket version)
   * @return the facts after the change, in cycle order
   */
  List<CycleFact> resume(List<CycleFact> prior, List<HistoryEntry> entries) {
    prior.forEach(f -> cycles.add(Cycle.of(f)));
    if (!entries.isEmpty() && entries.get(0).action() != HistoryAction.OPENED) {
      seed(entries);
    }
    if (!entries.isEmpty()) {
      change(entries);
    }
    if (cycles.isEmpty()) {
      cycles.add(new Cycle(1, ticket.createdAt(), ticket.assignee()));
    }
    List<CycleFact> out = new ArrayList<>(cycles.size());
    cycles.forEach(c -> out.add(toFact(c)));
    return out;
  }

  /** Sets the ticket's state before a change from the first entry of each field in it. */
  private void seed(List<HistoryEntry> entries) {
    assignee = ticket.assignee();
    boolean statusSeen = false;
    boolean tierSeen = false;
    boolean assigneeSeen = false;
    for (HistoryEntry e : entries) {
      switch (e.field()) {
        case TicketField.STATUS -> {
          if (!statusSeen) {
            status = category(e.before());
            statusSeen = true;
          }
        }
        case TicketField.TIER -> {
          if (!tierSeen) {
            tier = level(e.before());
            tierSeen = true;
          }
        }
        case TicketField.ASSIGNEE -> {
          if (!assigneeSeen) {
            assignee = agent(e.before());
            assigneeSeen = true;
          }
        }
        default -> { }
      }
    }
  }

  private void change(List<HistoryEntry> entries) {
    HistoryEntry first = entries.get(0);
    if (first.action() == HistoryAction.OPENED) {
      entries.forEach(this::intake);
      cycles.add(new Cycle(1, first.at(), assignee));
      return;
    }
    boolean reopens = false;
    boolean merges = false;
    for (HistoryEntry e : entries) {
      reopens |= TicketField.CYCLE.equals(e.field());
      merges |= e.action() == HistoryAction.MERGED;
    }
    for (HistoryEntry e : entries) {
      entry(e, reopens, merges);
    }
  }

  private void intake(HistoryEntry e) {
    switch (e.field()) {
      case TicketField.STATUS -> status = category(e.after());
      case TicketField.TIER -> tier = level(e.after());
      case TicketField.ASSIGNEE -> assignee = agent(e.after());
      default -> { }
    }
  }

  private void entry(HistoryEntry e, boolean reopens, boolean merges) {
    Cycle c = cycles.get(cycles.size() - 1);
    switch (e.field()) {
      case TicketField.STATUS -> status(c, e, merges);
      case TicketField.CYCLE -> {
        c.reopenedAt = e.at();
        cycles.add(new Cycle(c.number + 1, e.at(), null));
      }
      case TicketField.TIER -> tier(c, e, reopens);
      case TicketField.ASSIGNEE -> {
        assignee = agent(e.after());
        if (assignee != null) {
          cycles.get(cycles.size() - 1).lastAssigned = assignee;
        }
      }
      case TicketField.RATING -> {
        if (e.after() != null) {
          c.rating = Rating.parse(e.after());
          c.ratedAt = e.at();
        }
      }
      case TicketField.CONVERSATION -> reply(c, e);
      default -> { }
    }
  }

  private void status(Cycle c, HistoryEntry e, boolean merges) {
    StatusCategory next = category(e.after());
    if (status == StatusCategory.NEW && next != StatusCategory.NEW && c.number == 1
        && c.acceptedAt == null) {
      c.acceptedAt = e.at();
    }
    if (next == StatusCategory.RESOLVED && c.resolvedAt == null) {
      c.resolvedAt = e.at();
      c.resolver = e.actor().kind() == ActorKind.AGENT ? e.actor().asAgent() : assignee;
    }
    if (next == StatusCategory.CLOSED && c.closedAt == null) {
      c.closedAt = e.at();
      c.closeKind = merges ? CloseKind.MERGED
          : c.resolvedAt != null ? CloseKind.CLOSED : CloseKind.CANCELLED;
    }
    if ((next == StatusCategory.RESOLVED || next == StatusCategory.CLOSED)
        && c.workEndedAt == null) {
      c.workEndedAt = e.at();
    }
    status = next;
  }

  private void tier(Cycle c, HistoryEntry e, boolean reopens) {
    int next = level(e.after());
    if (next > tier && !reopens) {
      c.escalations++;
      if (c.escalatedAt == null) {
        c.escalatedAt = e.at();
      }
    }
    tier = next;
  }

  private static void reply(Cycle c, HistoryEntry e) {
    if (e.action() != HistoryAction.REPLIED || !Visibility.PUBLIC.name().equals(e.after())) {
      return;
    }
    if (e.actor().kind() == ActorKind.AGENT) {
      c.agentReplies++;
      if (c.firstReplyAt == null) {
        c.firstReplyAt = e.at();
      }
    } else if (e.actor().kind() == ActorKind.REQUESTER && c.firstReplyAt != null) {
      c.followUps++;
    }
  }

  /**
   * The department handoffs opened in a cycle: from the cycle's start to the next cycle's start
   * (the ticket's handoffs carry their opening instants).
   */
  private int handoffs(Cycle c) {
    Instant next = c.number < cycles.size() ? cycles.get(c.number).startedAt : null;
    int n = 0;
    for (Handoff h : ticket.handoffs()) {
      if (!h.openedAt().isBefore(c.startedAt) && (next == null || h.openedAt().isBefore(next))) {
        n++;
      }
    }
    return n;
  }

  private CycleFact toFact(Cycle c) {
    Ticket t = ticket;
    AgentId agent = c.resolvedAt != null ? c.resolver : c.lastAssigned;
    return new CycleFact(t.tenant(), t.id(), t.number(), c.number, t.subject(), t.channel(),
        t.category(), t.priority(), t.tags(), agent, t.createdAt(), c.startedAt, c.acceptedAt,
        c.firstReplyAt, c.resolvedAt, c.workEndedAt, c.closedAt, c.closeKind, c.reopenedAt,
        c.escalatedAt, c.escalations, c.agentReplies, c.followUps, handoffs(c),
        c.rating == null ? null : c.rating.satisfaction(),
        c.rating == null ? null : c.rating.comment(), c.ratedAt,
        c.rating == null || c.rating.reason() == null ? null : c.rating.reason().code());
  }

  private static StatusCategory category(@Nullable String statusText) {
    int open = statusText == null ? -1 : statusText.indexOf('(');
    if (open < 0) {
      return StatusCategory.NEW;
    }
    return StatusCategory.valueOf(statusText.substring(open + 1, statusText.length() - 1));
  }

  private static int level(@Nullable String tierText) {
    return tierText == null ? 1 : Integer.parseInt(tierText.substring(1));
  }

  private static @Nullable AgentId agent(@Nullable String text) {
    return text == null ? null : AgentId.of(text);
  }
}
