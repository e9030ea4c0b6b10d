package dev.ticketkit.jdbc;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.internal.ReportTables.Cycle;
import dev.ticketkit.report.source.CloseKind;
import dev.ticketkit.report.source.CycleFact;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Function;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;

/** Maps cycle facts to and from {@code tk_report_cycle} rows. Stateless and thread-safe. */
final class ReportFactRows {

  private ReportFactRows() {}

  /** The row of a fact, every column, in table order. */
  static Map<Field<?>, @Nullable Object> values(CycleFact f) {
    Map<Field<?>, @Nullable Object> row = new LinkedHashMap<>();
    row.put(Cycle.TENANT_ID, f.tenant().value());
    row.put(Cycle.TICKET_ID, f.ticketId().value());
    row.put(Cycle.CYCLE, f.cycle());
    row.put(Cycle.TICKET_NUMBER, f.ticketNumber());
    row.put(Cycle.SUBJECT, f.subject());
    row.put(Cycle.CHANNEL, f.channel().code());
    row.put(Cycle.CATEGORY, f.category() == null ? null : f.category().toString());
    row.put(Cycle.PRIORITY, f.priority().name());
    row.put(Cycle.AGENT, f.agent() == null ? null : f.agent().value());
    row.put(Cycle.TICKET_CREATED_AT, f.ticketCreatedAt());
    row.put(Cycle.STARTED_AT, f.startedAt());
    row.put(Cycle.ACCEPTED_AT, f.acceptedAt());
    row.put(Cycle.FIRST_REPLY_AT, f.firstReplyAt());
    row.put(Cycle.RESOLVED_AT, f.resolvedAt());
    row.put(Cycle.WORK_ENDED_AT, f.workEndedAt());
    row.put(Cycle.CLOSED_AT, f.closedAt());
    row.put(Cycle.CLOSE_KIND, f.closeKind() == null ? null : f.closeKind().name());
    row.put(Cycle.REOPENED_AT, f.reopenedAt());
    row.put(Cycle.ESCALATED_AT, f.escalatedAt());
    row.put(Cycle.TIER_ESCALATIONS, f.tierEscalations());
    row.put(Cycle.AGENT_REPLIES, f.agentReplies());
    row.put(Cycle.REQUESTER_FOLLOW_UPS, f.requesterFollowUps());
    row.put(Cycle.HANDOFFS, f.handoffs());
    row.put(Cycle.RATING, f.rating() == null ? null : f.rating().name());
    row.put(Cycle.RATING_COMMENT, f.ratingComment());
    row.put(Cycle.RATED_AT, f.ratedAt());
    row.put(Cycle.DISSATISFACTION_REASON, f.dissatisfactionReason());
    row.put(Cycle.FIRST_CONTACT, f.isFirstContactResolution());
    row.put(Cycle.RESOLUTION_MS, millis(f.resolutionTime()));
    row.put(Cycle.FIRST_REPLY_MS, millis(f.firstReplyTime()));
    row.put(Cycle.ACCEPTANCE_MS, millis(f.acceptanceTime()));
    return row;
  }

  private static @Nullable Long millis(@Nullable Duration d) {
    return d == null ? null : d.toMillis();
  }

  /** The fact of a row, with the ticket's tags (read from the tag table). */
  static CycleFact fact(Function<Field<?>, @Nullable Object> row, SortedSet<Tag> tags) {
    String category = (String) row.apply(Cycle.CATEGORY);
    String agent = (String) row.apply(Cycle.AGENT);
    String closeKind = (String) row.apply(Cycle.CLOSE_KIND);
    String rating = (String) row.apply(Cycle.RATING);
    return new CycleFact(TenantId.of((String) row.apply(Cycle.TENANT_ID)),
        TicketId.of((java.util.UUID) row.apply(Cycle.TICKET_ID)),
        ((Number) row.apply(Cycle.TICKET_NUMBER)).longValue(),
        ((Number) row.apply(Cycle.CYCLE)).intValue(), (String) row.apply(Cycle.SUBJECT),
        Channel.of((String) row.apply(Cycle.CHANNEL)),
        category == null ? null : Category.parse(category),
        Priority.valueOf((String) row.apply(Cycle.PRIORITY)), tags,
        agent == null ? null : AgentId.of(agent),
        instant(row, Cycle.TICKET_CREATED_AT), instant(row, Cycle.STARTED_AT),
        instant(row, Cycle.ACCEPTED_AT), instant(row, Cycle.FIRST_REPLY_AT),
        instant(row, Cycle.RESOLVED_AT), instant(row, Cycle.WORK_ENDED_AT),
        instant(row, Cycle.CLOSED_AT), closeKind == null ? null : CloseKind.valueOf(closeKind),
        instant(row, Cycle.REOPENED_AT), instant(row, Cycle.ESCALATED_AT),
        count(row, Cycle.TIER_ESCALATIONS), count(row, Cycle.AGENT_REPLIES),
        count(row, Cycle.REQUESTER_FOLLOW_UPS), count(row, Cycle.HANDOFFS),
        rating == null ? null : Satisfaction.valueOf(rating),
        (String) row.apply(Cycle.RATING_COMMENT), instant(row, Cycle.RATED_AT),
        (String) row.apply(Cycle.DISSATISFACTION_REASON));
  }

  private static @Nullable Instant instant(Function<Field<?>, @Nullable Object> row,
      Field<Instant> column) {
    return (Instant) row.apply(column);
  }

  private static int count(Function<Field<?>, @Nullable Object> row, Field<Integer> column) {
    return ((Number) row.apply(column)).intValue();
  }
}
