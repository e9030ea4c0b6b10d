package dev.ticketkit.core;

import dev.ticketkit.core.event.DissatisfactionFlagged;
import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.TicketMerged;
import dev.ticketkit.core.event.TicketNoted;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketReplied;
import dev.ticketkit.core.workflow.Trigger;
import dev.ticketkit.core.workflow.Workflow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the service's write operations, each applied to a {@link Draft}: check who may
 * do it and whether the ticket's state allows it, change the draft, record it. Stateless and
 * thread-safe.
 */
final class Operations {

  /** The longest escalation reason accepted. */
  static final int MAX_REASON_LENGTH = 2000;

  private static final Set<ActorKind> TEAM = EnumSet.of(ActorKind.AGENT, ActorKind.SYSTEM);

  private Operations() {}

  static void reply(Draft d, Workflow workflow, Message message) {
    requireNotClosed(d, "reply");
    ConversationEntry entry = d.addConversation(Visibility.PUBLIC, message);
    d.addLeadEvent(h -> new TicketReplied(h, entry));
    if (d.actor.kind() == ActorKind.REQUESTER) {
      workflow.triggered(Trigger.REQUESTER_REPLIED, d.current().status())
          .ifPresent(t -> d.fire(t.name()));
    }
  }

  static void note(Draft d, Message message) {
    requireKind(d, "add an internal note", TEAM);
    ConversationEntry entry = d.addConversation(Visibility.INTERNAL, message);
    d.addLeadEvent(h -> new TicketNoted(h, entry));
  }

  static void assign(Draft d, @Nullable AgentId assignee) {
    requireTeam(d, "assign");
    d.builder.assignee(assignee);
    d.stage(HistoryAction.ASSIGNED);
  }

  /** Moves the ticket to the next tier; fails at the highest tier. */
  static void escalate(Draft d, String reason) {
    Ticket t = d.current();
    if (!t.tier().hasNext()) {
      throw new TicketStateException(t.id(), t.status(), "escalate",
          "the ticket is at the highest tier " + t.tier());
    }
    escalateTo(d, t.tier().next(), reason);
  }

  /** Moves the ticket up to a tier, if it is below it; a ticket at or above it is left alone. */
  static void escalateTo(Draft d, SupportTier target, String reason) {
    requireKind(d, "escalate", TEAM);
    Ticket t = d.current();
    if (!t.status().category().isActive()) {
      throw new TicketStateException(t.id(), t.status(), "escalate",
          "only a ticket in a NEW, OPEN or PENDING state can be escalated");
    }
    if (raiseTier(d.builder, target)) {
      d.escalationReason(reason);
      d.stage(HistoryAction.ESCALATED);
    }
  }

  /**
   * The one place a ticket's tier goes up: sets the tier and clears the assignee, so that the
   * tier's queue takes the ticket. Used by escalation, by the workflow's ESCALATE_TIER effect and
   * by modules' escalations.
   *
   * @return true if the tier changed (the ticket was below the target)
   */
  static boolean raiseTier(TicketBuilder b, SupportTier target) {
    SupportTier tier = b.tier();
    if (tier == null || tier.compareTo(target) >= 0) {
      return false;
    }
    b.tier(target).assignee(null);
    return true;
  }

  static void priority(Draft d, Priority priority) {
    requireTeam(d, "change the priority");
    d.builder.priority(priority);
    d.stage(HistoryAction.PRIORITY_CHANGED);
  }

  static void category(Draft d, @Nullable Category category) {
    requireTeam(d, "change the category");
    d.builder.category(category);
    d.stage(HistoryAction.CATEGORY_CHANGED);
  }

  static void tag(Draft d, Tag tag, boolean add) {
    requireKind(d, add ? "tag" : "untag", TEAM);
    TreeSet<Tag> tags = new TreeSet<>(d.current().tags());
    if (add) {
      tags.add(tag);
    } else {
      tags.remove(tag);
    }
    d.builder.tags(tags);
    d.stage(add ? HistoryAction.TAGGED : HistoryAction.UNTAGGED);
  }

  /** Links the ticket; the caller read before the change whether the target exists. */
  static void link(Draft d, boolean targetExists, TicketLink link) {
    requireKind(d, "link", TEAM);
    if (link.type() == LinkType.MERGED_INTO) {
      throw new InvalidInputException("link.type", link.type(), "is set by merge only");
    }
    addLink(d, targetExists, link);
    d.stage(HistoryAction.LINKED);
  }

  private static void addLink(Draft d, boolean targetExists, TicketLink link) {
    if (link.target().equals(d.before.id())) {
      throw new InvalidInputException("link.target", link.target(), "must not be the ticket itself");
    }
    if (!targetExists) {
      throw new TicketNotFoundException(d.before.tenant(), link.target());
    }
    List<TicketLink> links = new ArrayList<>(d.current().links());
    if (!links.contains(link)) {
      links.add(link);
    }
    d.builder.links(links);
  }

  /** Merges the ticket into a target the caller read before the change (null if absent). */
  static void merge(Draft d, @Nullable Ticket target, Workflow workflow, TicketId into) {
    requireKind(d, "merge", TEAM);
    if (target == null) {
      throw new TicketNotFoundException(d.before.tenant(), into);
    }
    if (target.status().category() == StatusCategory.CLOSED) {
      throw new TicketStateException(target.id(), target.status(), "merge into",
          "a ticket cannot be merged into a closed ticket");
    }
    String transition = workflow.triggers().get(Trigger.MERGED);
    if (transition == null) {
      throw new TicketStateException(d.before.id(), d.before.status(), "merge",
          "workflow " + workflow.name() + " maps no transition to the MERGED trigger");
    }
    addLink(d, true, TicketLink.of(LinkType.MERGED_INTO, into));
    d.stage(HistoryAction.MERGED);
    d.addLeadEvent(h -> new TicketMerged(h, into));
    d.fire(transition);
  }

  static void rate(Draft d, Workflow workflow, Rating given, Redacting masked) {
    Rating rating = masked.rating(given);
    requireKind(d, "rate", EnumSet.of(ActorKind.REQUESTER, ActorKind.AGENT));
    Ticket t = d.current();
    if (t.status().category() != StatusCategory.RESOLVED) {
      throw new TicketStateException(t.id(), t.status(), "rate",
          "only a ticket in a RESOLVED state can be rated");
    }
    d.builder.rating(rating);
    d.stage(HistoryAction.RATED);
    masked.record(d, HistoryAction.RATED);
    int ratedCycle = t.cycle();
    d.addLeadEvent(h -> new TicketRated(rated(h, ratedCycle), rating));
    if (rating.reason() != null
        && workflow.dissatisfaction().reactionTo(rating.reason()).notifyTeamLead()) {
      d.addLeadEvent(h -> new DissatisfactionFlagged(rated(h, ratedCycle), rating));
    }
    workflow.ratingTransition(rating, t.status()).ifPresent(tr -> d.fire(tr.name()));
  }

  private static EventHeader rated(EventHeader h, int ratedCycle) {
    return new EventHeader(h.tenant(), h.ticketId(), h.ticketVersion(), h.actor(), h.at(),
        ratedCycle);
  }

  static void edit(Draft d, TicketEdit edit, Redacting masked) {
    requireTeam(d, "edit");
    Ticket was = d.current();
    edit.applyTo(d.builder);
    masked.edited(was, d.builder);
    d.stage(HistoryAction.EDITED);
    masked.record(d, HistoryAction.EDITED);
  }

  private static void requireTeam(Draft d, String operation) {
    requireKind(d, operation, TEAM);
    requireNotClosed(d, operation);
  }

  private static void requireKind(Draft d, String operation, Set<ActorKind> kinds) {
    if (!kinds.contains(d.actor.kind())) {
      throw new InvalidInputException(
          "actor", d.actor, "may not " + operation + "; allowed kinds are " + kinds);
    }
  }

  private static void requireNotClosed(Draft d, String operation) {
    if (d.before.status().category() == StatusCategory.CLOSED) {
      throw new TicketStateException(
          d.before.id(), d.before.status(), operation, "the ticket is closed");
    }
  }
}
