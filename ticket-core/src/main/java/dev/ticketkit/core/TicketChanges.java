package dev.ticketkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Several changes of one ticket made as one stored change (one version, one history step, one
 * commit): what a macro applies, or what a module's escalation does. Apply it with
 * {@link TicketService#apply}.
 *
 * <p>The steps run in the order they were added, each with the same checks as the service's
 * single-step method of the same name (who may do it, the ticket's state, the workflow); the
 * first step that is refused refuses the whole change and nothing is written. Steps that change
 * nothing (a tag the ticket has) are skipped, and a change set that changes nothing and has no
 * {@link Builder#cause cause} writes nothing. Instances are immutable and thread-safe; the
 * builder is not.
 */
public final class TicketChanges {

  private final List<Step> steps;
  private final @Nullable ChangeCause cause;

  /** One step: its name for messages, and what it does to a draft. */
  private record Step(String name, BiConsumer<Draft, TicketService> apply) {}

  private TicketChanges(List<Step> steps, @Nullable ChangeCause cause) {
    this.steps = List.copyOf(steps);
    this.cause = cause;
  }

  /**
   * Returns an empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the cause recorded with the change, or null */
  public @Nullable ChangeCause cause() {
    return cause;
  }

  /** @return true if there is no step and no cause */
  public boolean isEmpty() {
    return steps.isEmpty() && cause == null;
  }

  void applyTo(Draft draft, TicketService service) {
    if (cause != null) {
      draft.cause(cause);
    }
    for (Step s : steps) {
      s.apply().accept(draft, service);
    }
  }

  /** @return the steps' names, in order, and the cause */
  @Override
  public String toString() {
    return "TicketChanges" + steps.stream().map(Step::name).toList()
        + (cause == null ? "" : " because " + cause.describe());
  }

  /** Collects the steps of a {@link TicketChanges}. Not thread-safe. */
  public static final class Builder {

    private final List<Step> steps = new ArrayList<>();
    private @Nullable ChangeCause cause;

    private Builder() {}

    private Builder add(String name, BiConsumer<Draft, TicketService> apply) {
      steps.add(new Step(name, apply));
      return this;
    }

    /**
     * Adds a public reply (see {@link TicketService#reply}).
     *
     * @param message the reply
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder reply(Message message) {
      Texts.notNull("message", message);
      return add("reply", (d, s) -> {
        Redacting masked = s.redacting();
        Operations.reply(d, s.workflow(), masked.message(message));
        masked.record(d, HistoryAction.REPLIED);
      });
    }

    /**
     * Adds an internal note (see {@link TicketService#note}).
     *
     * @param message the note
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder note(Message message) {
      Texts.notNull("message", message);
      return add("note", (d, s) -> {
        Redacting masked = s.redacting();
        Operations.note(d, masked.message(message));
        masked.record(d, HistoryAction.NOTED);
      });
    }

    /**
     * Assigns the ticket, or unassigns it (see {@link TicketService#assign}).
     *
     * @param assignee the agent or group, or null
     * @return this builder
     */
    public Builder assign(@Nullable AgentId assignee) {
      return add("assign", (d, s) -> Operations.assign(d, assignee));
    }

    /**
     * Moves the ticket up to a support tier, unassigning it, if it is below that tier; a ticket
     * at or above it is left as it is. Only tickets in a NEW, OPEN or PENDING state.
     *
     * @param tier the tier to reach
     * @param reason why, 1 to {@value Operations#MAX_REASON_LENGTH} characters
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws InvalidInputException if the reason blank or too long
     */
    public Builder escalateTo(SupportTier tier, String reason) {
      Texts.notNull("tier", tier);
      String checked = Texts.required("reason", reason, Operations.MAX_REASON_LENGTH);
      return add("escalateTo " + tier, (d, s) -> Operations.escalateTo(d, tier, checked));
    }

    /**
     * Changes the priority (see {@link TicketService#changePriority}).
     *
     * @param priority the priority
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder priority(Priority priority) {
      Texts.notNull("priority", priority);
      return add("priority " + priority, (d, s) -> Operations.priority(d, priority));
    }

    /**
     * Changes the category (see {@link TicketService#changeCategory}).
     *
     * @param category the category, or null to clear it
     * @return this builder
     */
    public Builder category(@Nullable Category category) {
      return add("category", (d, s) -> Operations.category(d, category));
    }

    /**
     * Adds a tag (see {@link TicketService#tag}).
     *
     * @param tag the tag
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder tag(Tag tag) {
      Texts.notNull("tag", tag);
      return add("tag " + tag, (d, s) -> Operations.tag(d, tag, true));
    }

    /**
     * Removes a tag (see {@link TicketService#untag}).
     *
     * @param tag the tag
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder untag(Tag tag) {
      Texts.notNull("tag", tag);
      return add("untag " + tag, (d, s) -> Operations.tag(d, tag, false));
    }

    /**
     * Fires a workflow transition (see {@link TicketService#fire}).
     *
     * @param transition the transition's name
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder fire(String transition) {
      Texts.notNull("transition", transition);
      return add("fire " + transition, (d, s) -> d.fire(transition));
    }

    /**
     * Edits descriptive fields (see {@link TicketService#edit}).
     *
     * @param edit the edit
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder edit(TicketEdit edit) {
      Texts.notNull("edit", edit);
      return add("edit", (d, s) -> Operations.edit(d, edit, s.redacting()));
    }

    /**
     * Records what made the change: written first in the change's history (action
     * {@link HistoryAction#AUTOMATED}) and handed to the followers with the change set.
     *
     * @param value the cause
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalStateException if already set
     */
    public Builder cause(ChangeCause value) {
      Texts.notNull("cause", value);
      if (cause != null) {
        throw new IllegalStateException("cause is already set");
      }
      cause = value;
      return this;
    }

    /**
     * Returns the changes.
     *
     * @return the changes
     */
    public TicketChanges build() {
      return new TicketChanges(steps, cause);
    }
  }
}
