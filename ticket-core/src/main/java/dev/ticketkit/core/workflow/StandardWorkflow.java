package dev.ticketkit.core.workflow;

import static dev.ticketkit.core.ActorKind.AGENT;
import static dev.ticketkit.core.ActorKind.REQUESTER;
import static dev.ticketkit.core.ActorKind.SYSTEM;

import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TicketField;
import java.time.Duration;

/**
 * The standard technical-support workflow: received, accepted, diagnosing, resolving, awaiting the
 * requester's confirmation, closed.
 *
 * <pre>
 * NEW --accept--> ACCEPTED --diagnose--> DIAGNOSING --start_fix--> RESOLVING
 * RESOLVING --propose_resolution [resolutionSummary]--> AWAITING_CONFIRMATION
 * AWAITING_CONFIRMATION --confirm [rating SATISFIED|NEUTRAL]--> CLOSED
 * AWAITING_CONFIRMATION --not_fixed (new cycle, next tier)--> DIAGNOSING
 * AWAITING_CONFIRMATION --confirm_with_complaint [rating DISSATISFIED]--> CLOSED
 * AWAITING_CONFIRMATION --auto_close (system, after N days)--> CLOSED
 * ACCEPTED|DIAGNOSING|RESOLVING --wait_on_requester (remember)--> WAITING_ON_REQUESTER
 * WAITING_ON_REQUESTER --requester_answered--> the remembered state
 * any active state --cancel--> CANCELLED,  --merge--> MERGED
 * </pre>
 *
 * <p>Triggers: a requester's reply fires {@code requester_answered}; a SATISFIED or NEUTRAL
 * rating fires {@code confirm}; what a DISSATISFIED one fires is the workflow's
 * {@link #dissatisfactionPolicy() dissatisfaction policy}: NOT_FIXED and UNMET_EXPECTATION fire
 * {@code not_fixed} (reopen one tier up), POOR_COMMUNICATION raises {@code DissatisfactionFlagged}
 * for the team lead and fires {@code confirm_with_complaint} (the fix stands, the ticket closes
 * with the complaint on record), OTHER and host-defined reasons fire {@code not_fixed}; a merge fires
 * {@code merge}; the auto-close sweep fires {@code auto_close}. Escalation to the next tier is a
 * service operation allowed in every NEW, OPEN and PENDING state. Urgent tickets raise a
 * {@code TicketUrgentFlagged} event at intake. This class only holds constants and factories.
 */
public final class StandardWorkflow {

  /** The workflow's name. */
  public static final String NAME = "standard";
  /** Received, category NEW. */
  public static final String NEW = "NEW";
  /** Accepted by an agent, category OPEN. */
  public static final String ACCEPTED = "ACCEPTED";
  /** Finding the cause, category OPEN. */
  public static final String DIAGNOSING = "DIAGNOSING";
  /** Working on the fix, category OPEN. */
  public static final String RESOLVING = "RESOLVING";
  /** Waiting on the requester's answer, category PENDING. */
  public static final String WAITING_ON_REQUESTER = "WAITING_ON_REQUESTER";
  /** A resolution is proposed, category RESOLVED. */
  public static final String AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION";
  /** Confirmed by the requester or auto-closed, category CLOSED. */
  public static final String CLOSED = "CLOSED";
  /** Withdrawn or invalid, category CLOSED. */
  public static final String CANCELLED = "CANCELLED";
  /** Merged into another ticket, category CLOSED. */
  public static final String MERGED = "MERGED";

  /** Transition NEW to ACCEPTED, by an agent, who becomes the accepting agent. */
  public static final String ACCEPT = "accept";
  /** Transition ACCEPTED to DIAGNOSING. */
  public static final String DIAGNOSE = "diagnose";
  /** Transition DIAGNOSING to RESOLVING. */
  public static final String START_FIX = "start_fix";
  /** Transition RESOLVING to AWAITING_CONFIRMATION; needs a resolution summary. */
  public static final String PROPOSE_RESOLUTION = "propose_resolution";
  /** Transition AWAITING_CONFIRMATION to CLOSED; needs a SATISFIED or NEUTRAL rating. */
  public static final String CONFIRM = "confirm";
  /** Transition AWAITING_CONFIRMATION to DIAGNOSING, one tier up, as a new resolution cycle. */
  public static final String NOT_FIXED = "not_fixed";
  /**
   * Transition AWAITING_CONFIRMATION to CLOSED on a DISSATISFIED rating whose reason is not the
   * fix (the standard policy fires it for POOR_COMMUNICATION): the resolution stands, the rating
   * stays on record.
   */
  public static final String CONFIRM_WITH_COMPLAINT = "confirm_with_complaint";
  /** Transition AWAITING_CONFIRMATION to CLOSED by the system after the auto-close delay. */
  public static final String AUTO_CLOSE = "auto_close";
  /** Transition from ACCEPTED, DIAGNOSING or RESOLVING to WAITING_ON_REQUESTER. */
  public static final String WAIT_ON_REQUESTER = "wait_on_requester";
  /** Transition from WAITING_ON_REQUESTER back to the state it was entered from. */
  public static final String REQUESTER_ANSWERED = "requester_answered";
  /** Transition from any active state to CANCELLED. */
  public static final String CANCEL = "cancel";
  /** Transition from any active state to MERGED; fired by the merge operation. */
  public static final String MERGE = "merge";

  private static final String[] ACTIVE =
      {NEW, ACCEPTED, DIAGNOSING, RESOLVING, WAITING_ON_REQUESTER};

  private StandardWorkflow() {}

  /**
   * Returns the standard workflow with the default auto-close delay of seven days.
   *
   * @return the workflow
   */
  public static Workflow create() {
    return create(Workflow.DEFAULT_AUTO_CLOSE_AFTER);
  }

  /**
   * Returns the standard workflow with the given auto-close delay.
   *
   * @param autoCloseAfter how long a ticket may await confirmation before the sweep closes it
   * @return the workflow
   * @throws InvalidInputException if the delay is not positive
   */
  public static Workflow create(Duration autoCloseAfter) {
    WorkflowBuilder b = Workflow.builder(NAME)
        .state(NEW, StatusCategory.NEW)
        .state(ACCEPTED, StatusCategory.OPEN)
        .state(DIAGNOSING, StatusCategory.OPEN)
        .state(RESOLVING, StatusCategory.OPEN)
        .state(WAITING_ON_REQUESTER, StatusCategory.PENDING)
        .state(AWAITING_CONFIRMATION, StatusCategory.RESOLVED)
        .state(CLOSED, StatusCategory.CLOSED)
        .state(CANCELLED, StatusCategory.CLOSED)
        .state(MERGED, StatusCategory.CLOSED)
        .initial(NEW)
        .autoCloseAfter(autoCloseAfter);
    addTransitions(b);
    return b.trigger(Trigger.REQUESTER_REPLIED, REQUESTER_ANSWERED)
        .trigger(Trigger.RATED_SATISFIED, CONFIRM)
        .trigger(Trigger.RATED_NEUTRAL, CONFIRM)
        .trigger(Trigger.MERGED, MERGE)
        .trigger(Trigger.AUTO_CLOSE, AUTO_CLOSE)
        .dissatisfaction(dissatisfactionPolicy())
        .build();
  }

  /**
   * Returns the standard dissatisfaction policy: NOT_FIXED and UNMET_EXPECTATION reopen one tier
   * up ({@code not_fixed}); POOR_COMMUNICATION notifies the team lead and closes the ticket with
   * the complaint on record ({@code confirm_with_complaint}); every other reason (OTHER, a host's
   * own codes) reopens one tier up, as every DISSATISFIED rating did before reasons existed.
   * A host changes it with {@link DissatisfactionPolicy#with} and
   * {@link WorkflowBuilder#dissatisfaction}, or in the workflow's JSON.
   *
   * @return the policy
   */
  public static DissatisfactionPolicy dissatisfactionPolicy() {
    DissatisfactionPolicy.Reaction reopen = DissatisfactionPolicy.Reaction.fire(NOT_FIXED);
    return DissatisfactionPolicy.of(reopen)
        .with(DissatisfactionReason.NOT_FIXED, reopen)
        .with(DissatisfactionReason.UNMET_EXPECTATION, reopen)
        .with(DissatisfactionReason.POOR_COMMUNICATION,
            DissatisfactionPolicy.Reaction.notifyTeamLead(CONFIRM_WITH_COMPLAINT));
  }

  private static void addTransitions(WorkflowBuilder b) {
    b.transition(Transition.named(ACCEPT).from(NEW).to(ACCEPTED).by(AGENT)
            .effect(Effect.ACCEPT).build())
        .transition(Transition.named(DIAGNOSE).from(ACCEPTED).to(DIAGNOSING).by(AGENT).build())
        .transition(Transition.named(START_FIX).from(DIAGNOSING).to(RESOLVING).by(AGENT).build())
        .transition(Transition.named(PROPOSE_RESOLUTION).from(RESOLVING)
            .to(AWAITING_CONFIRMATION).by(AGENT)
            .guard(Guard.requiredField(TicketField.RESOLUTION_SUMMARY)).build())
        .transition(Transition.named(CONFIRM).from(AWAITING_CONFIRMATION).to(CLOSED)
            .by(REQUESTER, AGENT)
            .guard(Guard.ratingIn(Satisfaction.SATISFIED, Satisfaction.NEUTRAL)).build())
        .transition(Transition.named(NOT_FIXED).from(AWAITING_CONFIRMATION).to(DIAGNOSING)
            .by(REQUESTER, AGENT).effect(Effect.NEW_CYCLE, Effect.ESCALATE_TIER).build())
        .transition(Transition.named(CONFIRM_WITH_COMPLAINT).from(AWAITING_CONFIRMATION)
            .to(CLOSED).by(REQUESTER, AGENT)
            .guard(Guard.ratingIn(Satisfaction.DISSATISFIED)).build())
        .transition(Transition.named(AUTO_CLOSE).from(AWAITING_CONFIRMATION).to(CLOSED)
            .by(SYSTEM).build())
        .transition(Transition.named(WAIT_ON_REQUESTER).from(ACCEPTED, DIAGNOSING, RESOLVING)
            .to(WAITING_ON_REQUESTER).by(AGENT).effect(Effect.REMEMBER_STATE).build())
        .transition(Transition.named(REQUESTER_ANSWERED).from(WAITING_ON_REQUESTER)
            .to(Transition.PREVIOUS).by(REQUESTER, AGENT, SYSTEM).build())
        .transition(Transition.named(CANCEL).from(ACTIVE).to(CANCELLED).by(AGENT, REQUESTER)
            .build())
        .transition(Transition.named(MERGE).from(ACTIVE).to(MERGED).by(AGENT, SYSTEM).build());
  }
}
