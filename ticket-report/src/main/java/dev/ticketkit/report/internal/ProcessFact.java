package dev.ticketkit.report.internal;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One support-process fact of a ticket, an interval {@code [openedAt, closedAt)} of one kind:
 * a department hand-off, a follow-up gap, a problem, an incident link or a rating request
 * ({@link Kind}). The in-memory source keeps them in memory; the SQL source keeps them in
 * {@code tk_report_process} (V18). {@link ProcessDerivation} derives them from a ticket's history;
 * {@link ProcessMath} and the SQL source's {@code ProcessSql} aggregate them to the same figures.
 * Instances are immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param ticketId the ticket
 * @param ticketNumber its number
 * @param kind what the interval is
 * @param seq the fact's number within the ticket and kind (a hand-off's number; otherwise the
 *     {@link #seqOf} of the history entry that opened it)
 * @param key the department (HANDOFF), the problem ticket's id (PROBLEM, INCIDENT), else null
 * @param subject the ticket's subject (PROBLEM, INCIDENT), else null
 * @param openedAt when the interval opened
 * @param closedAt when it closed, or null while open
 * @param state how it closed (see {@link Kind}), or null while open
 */
public record ProcessFact(TenantId tenant, TicketId ticketId, long ticketNumber, Kind kind,
    long seq, @Nullable String key, @Nullable String subject, Instant openedAt,
    @Nullable Instant closedAt, @Nullable String state) {

  /** What a process fact is; how it closes. Enum constants are thread-safe. */
  public enum Kind {
    /** A department hand-off: key the department; closes ANSWERED or RETURNED. */
    HANDOFF,
    /**
     * A follow-up gap: from an update of the requester (intake, a public reply by the team, or
     * the ticket becoming open again) while the ticket is open, to the next update (REPLY) or
     * to the ticket leaving the open states (INACTIVE).
     */
    FOLLOW_UP,
    /** A problem: from its recording to its resolution (RESOLVED). */
    PROBLEM,
    /** An incident linked to a problem: key the problem ticket's id; never closes. */
    INCIDENT,
    /**
     * A rating request: from the cycle's resolution to the rating (ANSWERED), the auto-close
     * that recorded the request expired (EXPIRED), or the next resolution (SUPERSEDED).
     */
    RATING_REQUEST
  }

  /** Checks the parts. */
  public ProcessFact {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  /**
   * Returns the sequence number of a history entry: its version, then its position.
   *
   * @param ticketVersion the entry's ticket version
   * @param position its position within the version
   * @return {@code ticketVersion * 10000 + position}
   */
  public static long seqOf(long ticketVersion, int position) {
    return ticketVersion * 10_000L + position;
  }

  /**
   * Returns this fact closed.
   *
   * @param at when
   * @param how the closing state
   * @return the closed fact
   */
  public ProcessFact closed(Instant at, String how) {
    return new ProcessFact(tenant, ticketId, ticketNumber, kind, seq, key, subject, openedAt,
        at, how);
  }

  /**
   * Returns whether the fact is open.
   *
   * @return true if it has no closing instant
   */
  public boolean isOpen() {
    return closedAt == null;
  }
}
