package dev.ticketkit.report;

import java.util.Objects;

/**
 * How long the team took, per resolution cycle, so that a reopened ticket counts its second
 * cycle from the reopen rather than hiding it in one long first cycle.
 *
 * <p>Calendar figures are elapsed time, waiting on the requester included. Business figures are
 * the SLA clocks' own measure: business time on the calendar of each clock's SLA target, pauses
 * (waiting on the requester) excluded; they exist only for cycles that had an SLA clock (first
 * reply and acceptance clocks exist for the first cycle only). Each set holds the cycles whose
 * event (resolution, first reply, acceptance) happened in the period. Instances are immutable and
 * thread-safe.
 *
 * @param resolution calendar time from cycle start to RESOLVED, every cycle
 * @param resolutionFirstCycle the same, first cycles only
 * @param resolutionLaterCycles the same, cycles after a reopen only
 * @param resolutionBusiness the RESOLUTION clocks' business time
 * @param firstReply calendar time from cycle start to the first agent public reply
 * @param firstReplyBusiness the FIRST_RESPONSE clocks' business time
 * @param acceptance calendar time from intake to acceptance
 * @param acceptanceBusiness the ACCEPTANCE clocks' business time
 */
public record Timings(
    DurationStats resolution,
    DurationStats resolutionFirstCycle,
    DurationStats resolutionLaterCycles,
    DurationStats resolutionBusiness,
    DurationStats firstReply,
    DurationStats firstReplyBusiness,
    DurationStats acceptance,
    DurationStats acceptanceBusiness) {

  /** Checks that every part is present. */
  public Timings {
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(resolutionFirstCycle, "resolutionFirstCycle");
    Objects.requireNonNull(resolutionLaterCycles, "resolutionLaterCycles");
    Objects.requireNonNull(resolutionBusiness, "resolutionBusiness");
    Objects.requireNonNull(firstReply, "firstReply");
    Objects.requireNonNull(firstReplyBusiness, "firstReplyBusiness");
    Objects.requireNonNull(acceptance, "acceptance");
    Objects.requireNonNull(acceptanceBusiness, "acceptanceBusiness");
  }
}
