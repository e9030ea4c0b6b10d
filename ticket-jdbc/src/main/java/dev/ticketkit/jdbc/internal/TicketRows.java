package dev.ticketkit.jdbc.internal;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.DatabaseKind;
import dev.ticketkit.jdbc.internal.TicketTables.Tk;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;

/**
 * Maps a {@link Ticket} to the columns of {@code tk_ticket} and a row back to a ticket.
 * Stateless and thread-safe.
 */
public final class TicketRows {

  private TicketRows() {}

  /**
   * Returns the values of every column but the id, for an insert or an update.
   *
   * @param kind the database product
   * @param t the ticket
   * @return the values by column, in a stable order
   */
  public static Map<Field<?>, Object> values(DatabaseKind kind, Ticket t) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(Tk.TENANT_ID, t.tenant().value());
    v.put(Tk.NUMBER, t.number());
    v.put(Tk.VERSION, t.version());
    v.put(Tk.REQUESTER_ID, t.requester().id());
    v.put(Tk.REQUESTER, new ShapedSql.Json(TicketJson.requester(t.requester())));
    v.put(Tk.CHANNEL, t.channel().code());
    v.put(Tk.SUBJECT, t.subject());
    v.put(Tk.DESCRIPTION, t.description());
    v.put(Tk.SCENARIO, t.scenario());
    v.put(Tk.ERROR_MESSAGE, t.errorMessage());
    v.put(Tk.REPRODUCTION_STEPS, t.reproductionSteps());
    v.put(Tk.ATTACHMENTS, new ShapedSql.Json(TicketJson.attachments(t.attachments())));
    v.put(Tk.ACCOUNT_REFERENCE, t.accountReference());
    putStatus(v, t);
    v.put(Tk.ACCEPTED_BY, text(t.acceptedBy()));
    v.put(Tk.ASSIGNEE, text(t.assignee()));
    v.put(Tk.TIER, t.tier().level());
    v.put(Tk.TAGS, new ShapedSql.Json(TicketJson.tags(t.tags())));
    v.put(Tk.CUSTOM_FIELDS, new ShapedSql.Json(TicketJson.customFields(t.customFields())));
    v.put(Tk.LINKS, new ShapedSql.Json(TicketJson.links(t.links())));
    v.put(Tk.RATING_SATISFACTION, t.rating() == null ? null : t.rating().satisfaction().name());
    v.put(Tk.RATING_COMMENT, t.rating() == null ? null : t.rating().comment());
    v.put(Tk.RESOLUTION_SUMMARY, t.resolutionSummary());
    v.put(Tk.CYCLE, t.cycle());
    v.put(Tk.CREATED_AT, t.createdAt());
    v.put(Tk.UPDATED_AT, t.updatedAt());
    return v;
  }

  private static void putStatus(Map<Field<?>, Object> v, Ticket t) {
    v.put(Tk.CATEGORY, text(t.category()));
    v.put(Tk.PRIORITY, t.priority().name());
    v.put(Tk.STATUS, t.status().name());
    v.put(Tk.STATUS_CATEGORY, t.status().category().name());
    v.put(Tk.RETURN_STATUS, text(t.returnStatus()));
    v.put(Tk.STATUS_CHANGED_AT, t.statusChangedAt());
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }

  /**
   * Reads a ticket from a row that holds every column of {@link Tk#ALL}.
   *
   * @param row the row's values by column
   * @return the ticket
   */
  public static Ticket ticket(Function<Field<?>, @Nullable Object> row) {
    Row r = new Row(row);
    return Ticket.builder()
        .tenant(TenantId.of(r.get(Tk.TENANT_ID)))
        .id(TicketId.of(r.get(Tk.ID)))
        .number(r.get(Tk.NUMBER))
        .requester(TicketJson.requester(r.get(Tk.REQUESTER)))
        .channel(Channel.of(r.get(Tk.CHANNEL)))
        .subject(r.get(Tk.SUBJECT))
        .description(r.get(Tk.DESCRIPTION))
        .scenario(r.get(Tk.SCENARIO))
        .errorMessage(r.get(Tk.ERROR_MESSAGE))
        .reproductionSteps(r.get(Tk.REPRODUCTION_STEPS))
        .attachments(TicketJson.attachments(r.get(Tk.ATTACHMENTS)))
        .accountReference(r.get(Tk.ACCOUNT_REFERENCE))
        .category(optional(r.get(Tk.CATEGORY), Category::parse))
        .priority(Priority.valueOf(r.get(Tk.PRIORITY)))
        .status(Status.parse(r.get(Tk.STATUS) + "(" + r.get(Tk.STATUS_CATEGORY) + ")"))
        .returnStatus(optional(r.get(Tk.RETURN_STATUS), Status::parse))
        .statusChangedAt(r.get(Tk.STATUS_CHANGED_AT))
        .acceptedBy(optional(r.get(Tk.ACCEPTED_BY), AgentId::of))
        .assignee(optional(r.get(Tk.ASSIGNEE), AgentId::of))
        .tier(SupportTier.of(r.get(Tk.TIER)))
        .tags(TicketJson.tags(r.get(Tk.TAGS)))
        .customFields(TicketJson.customFields(r.get(Tk.CUSTOM_FIELDS)))
        .links(TicketJson.links(r.get(Tk.LINKS)))
        .rating(rating(r))
        .resolutionSummary(r.get(Tk.RESOLUTION_SUMMARY))
        .cycle(r.get(Tk.CYCLE))
        .createdAt(r.get(Tk.CREATED_AT))
        .updatedAt(r.get(Tk.UPDATED_AT))
        .version(r.get(Tk.VERSION))
        .build();
  }

  /** Typed access to a row's values. */
  private record Row(Function<Field<?>, @Nullable Object> values) {
    <T> T get(Field<T> column) {
      return column.getType().cast(values.apply(column));
    }
  }

  private static @Nullable Rating rating(Row r) {
    String satisfaction = r.get(Tk.RATING_SATISFACTION);
    return satisfaction == null ? null
        : Rating.of(Satisfaction.valueOf(satisfaction), r.get(Tk.RATING_COMMENT));
  }

  private static <T> @Nullable T optional(@Nullable String text, Function<String, T> parse) {
    return text == null ? null : parse.apply(text);
  }
}
