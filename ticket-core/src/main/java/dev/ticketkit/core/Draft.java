package dev.ticketkit.core;

import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.TicketAssigned;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.internal.CoreAccess;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.workflow.Effect;
import dev.ticketkit.core.workflow.Transition;
import dev.ticketkit.core.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One change in the making: the ticket before, a builder for the ticket after, and what to record.
 *
 * <p>An operation changes the builder, then calls {@link #stage(HistoryAction)} to record the
 * field changes so far under its action; {@link #fire(String)} checks and applies a transition
 * and records it as TRANSITIONED. {@link #toChangeSet()} assigns the next version and derives the
 * history entries and events. Not thread-safe: one draft per call.
 */
final class Draft {

  /** A transition that fired within this change. */
  record Fired(String name, Status from, Status to) {}

  final Ticket before;
  final TicketBuilder builder;
  final Actor actor;
  final Instant now;
  private final Workflow workflow;
  private final @Nullable Ticket previousVersion;
  private FieldCodec.Flat snapshot;
  private final List<HistoryEntryDraft> entries = new ArrayList<>();
  private final List<ConversationEntry> conversation = new ArrayList<>();
  private final List<Function<EventHeader, TicketEvent>> leadEvents = new ArrayList<>();
  private final List<Fired> fired = new ArrayList<>();
  private @Nullable AgentId routedAtIntake;
  private @Nullable HistoryAction mainAction;
  private @Nullable String escalationReason;
  private @Nullable ChangeCause cause;

  /** A history entry before its version and position are known. */
  record HistoryEntryDraft(
      HistoryAction action, String field, @Nullable String before, @Nullable String after) {}

  /** Starts a change of an existing ticket. */
  Draft(Workflow workflow, Ticket current, Actor actor, Instant now) {
    this(workflow, current, current, actor, now);
  }

  private Draft(
      Workflow workflow, Ticket start, @Nullable Ticket previous, Actor actor, Instant now) {
    this.workflow = workflow;
    this.before = start;
    this.previousVersion = previous;
    this.builder = start.toBuilder();
    this.actor = actor;
    this.now = now;
    this.snapshot = previous == null ? FieldCodec.Flat.empty() : FieldCodec.flatten(previous);
  }

  /** Starts the change that opens a new ticket. */
  static Draft opening(Workflow workflow, Ticket fresh, Actor actor) {
    return new Draft(workflow, fresh, null, actor, fresh.createdAt());
  }

  boolean isOpening() {
    return previousVersion == null;
  }

  /** Returns the ticket as the builder holds it now (old version and instants). */
  Ticket current() {
    return builder.build();
  }

  /** Records the field changes since the last stage under an action. */
  void stage(HistoryAction action) {
    FieldCodec.Flat next = FieldCodec.flatten(current());
    for (FieldCodec.Change c : FieldCodec.diff(snapshot, next)) {
      record(action, c.field(), c.before(), c.after());
    }
    snapshot = next;
  }

  /** Records one history entry that is not a field change (a reply, a transition's name). */
  void record(HistoryAction action, String field, @Nullable String before, @Nullable String after) {
    if (mainAction == null) {
      mainAction = action;
    }
    entries.add(new HistoryEntryDraft(action, field, before, after));
  }

  ConversationEntry addConversation(Visibility visibility, Message message) {
    ConversationEntry entry = new ConversationEntry(before.tenant(), before.id(),
        before.version() + 1, visibility, actor, message.channel(), now, message.body(),
        message.attachments());
    conversation.add(entry);
    if (visibility == Visibility.PUBLIC && actor.kind() != ActorKind.REQUESTER) {
      builder.set(TicketFields.REQUESTER_UPDATED_AT, now);
    }
    record(visibility == Visibility.PUBLIC ? HistoryAction.REPLIED : HistoryAction.NOTED,
        TicketField.CONVERSATION, null, visibility.name());
    return entry;
  }

  void addLeadEvent(Function<EventHeader, TicketEvent> event) {
    leadEvents.add(event);
  }

  /** Records what made this change; the history's first entry of the change says it. */
  void cause(ChangeCause why) {
    if (cause != null) {
      throw new InvalidInputException("cause", why, "is set twice in one change");
    }
    String text = TextRule.wellFormed("cause.describe()",
        Texts.notNull("cause.describe()", why.describe()));
    cause = why;
    if (text.codePointCount(0, text.length()) > ChangeCause.MAX_DESCRIPTION_LENGTH) {
      text = text.substring(0, text.offsetByCodePoints(0, ChangeCause.MAX_DESCRIPTION_LENGTH));
    }
    entries.add(0, new HistoryEntryDraft(HistoryAction.AUTOMATED, TicketField.CAUSE, null, text));
  }

  /** Announces an intake's routed assignment after its {@code TicketOpened}. */
  void addTrailingAssignment(AgentId agent) {
    routedAtIntake = agent;
  }

  void escalationReason(@Nullable String reason) {
    escalationReason = reason;
  }

  /** Checks the transition against the workflow, applies it with its effects and records it. */
  void fire(String transitionName) {
    Ticket ticket = current();
    Status from = ticket.status();
    Status to = workflow.target(ticket, actor, transitionName);
    Transition t = workflow.transition(transitionName).orElseThrow();
    applyEffects(t, from);
    builder.status(to).statusChangedAt(now);
    record(HistoryAction.TRANSITIONED, TicketField.TRANSITION, from.name(), t.name());
    if (from.equals(to)) {
      record(HistoryAction.TRANSITIONED, TicketField.STATUS, from.toString(), to.toString());
    }
    stage(HistoryAction.TRANSITIONED);
    fired.add(new Fired(t.name(), from, to));
  }

  private void applyEffects(Transition t, Status from) {
    builder.returnStatus(t.effects().contains(Effect.REMEMBER_STATE) ? from : null);
    if (t.effects().contains(Effect.ACCEPT)) {
      AgentId agent = actor.asAgent();
      builder.acceptedBy(agent);
      if (builder.assignee() == null) {
        builder.assignee(agent);
      }
    }
    if (t.effects().contains(Effect.NEW_CYCLE)) {
      builder.cycle(builder.cycle() + 1).rating(null).resolutionSummary(null);
    }
    SupportTier tier = builder.tier();
    if (t.effects().contains(Effect.ESCALATE_TIER) && tier != null && tier.hasNext()) {
      Operations.raiseTier(builder, tier.next());
    }
  }

  List<Fired> fired() {
    return fired;
  }

  /** Tells whether the draft records anything at all. */
  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Returns the change set: the ticket at the next version, its history, conversation, events. */
  ChangeSet toChangeSet() {
    long version = isOpening() ? 1 : before.version() + 1;
    Ticket after = builder.version(version).updatedAt(now).build();
    List<HistoryEntry> history = new ArrayList<>();
    for (HistoryEntryDraft e : entries) {
      history.add(new HistoryEntry(after.tenant(), after.id(), version, history.size(), actor,
          now, e.action(), e.field(), e.before(), e.after()));
    }
    EventHeader header =
        new EventHeader(after.tenant(), after.id(), version, actor, now, after.cycle());
    List<TicketEvent> events = new ArrayList<>();
    leadEvents.forEach(f -> events.add(f.apply(header)));
    events.addAll(EventDerivation.derive(this, previousVersion, after, header, escalationReason));
    if (routedAtIntake != null) {
      events.add(new TicketAssigned(header, null, routedAtIntake));
    }
    return CoreAccess.changeSets().create(after,
        isOpening() ? ChangeSet.NEW_TICKET : before.version(), history, conversation, events,
        cause);
  }

  @Nullable HistoryAction mainAction() {
    return mainAction;
  }
}
