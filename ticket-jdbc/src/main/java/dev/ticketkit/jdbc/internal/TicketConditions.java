package dev.ticketkit.jdbc.internal;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.jdbc.internal.TicketTables.Tk;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Translates a {@link TicketQuery} into a SQL condition over {@code tk_ticket}, its keyset
 * position and its order. Every value is a bind parameter, never SQL text.
 *
 * <p>Which index serves which criterion (all lead with {@code tenant_id}): status categories use
 * {@code tk_ticket_by_status}, the assignee {@code tk_ticket_by_assignee}, the requester
 * {@code tk_ticket_by_requester}, the creation range {@code tk_ticket_by_created}, the category
 * (an equality or a range over the path, so it works for sub-categories)
 * {@code tk_ticket_by_category}, and tags probe {@code tk_ticket_tag}'s keys. Paging walks
 * {@code tk_ticket_number_unique}. The remaining criteria (status names, tier, priority,
 * channel) are few-valued and filter rows read through one of these. Stateless and thread-safe.
 */
public final class TicketConditions {

  private TicketConditions() {}

  /**
   * Returns the filter of a query in a tenant, without the keyset position.
   *
   * @param tenant the tenant
   * @param q the query
   * @return the condition
   */
  public static Condition filter(TenantId tenant, TicketQuery q) {
    List<Condition> all = new ArrayList<>();
    all.add(Tk.TENANT_ID.eq(tenant.value()));
    if (!q.statusCategories().isEmpty()) {
      all.add(Tk.STATUS_CATEGORY.in(names(q.statusCategories())));
    }
    if (!q.statuses().isEmpty()) {
      all.add(Tk.STATUS.in(q.statuses()));
    }
    if (q.assignee() != null) {
      all.add(Tk.ASSIGNEE.eq(q.assignee().value()));
    }
    if (q.unassigned()) {
      all.add(Tk.ASSIGNEE.isNull());
    }
    if (q.tier() != null) {
      all.add(Tk.TIER.eq(q.tier().level()));
    }
    addSets(all, q);
    addRanges(all, q);
    return DSL.and(all);
  }

  private static void addSets(List<Condition> all, TicketQuery q) {
    if (!q.priorities().isEmpty()) {
      all.add(Tk.PRIORITY.in(names(q.priorities())));
    }
    if (!q.channels().isEmpty()) {
      all.add(Tk.CHANNEL.in(q.channels().stream().map(Channel::code).toList()));
    }
    if (q.category() != null) {
      all.add(within(q.category()));
    }
    for (Tag tag : q.tags()) {
      all.add(DSL.exists(DSL.selectOne().from(TicketTables.Tag.TABLE)
          .where(TicketTables.Tag.TENANT_ID.eq(Tk.TENANT_ID))
          .and(TicketTables.Tag.TICKET_ID.eq(Tk.ID))
          .and(TicketTables.Tag.TAG.eq(tag.value()))));
    }
    if (q.requesterId() != null) {
      all.add(Tk.REQUESTER_ID.eq(q.requesterId()));
    }
    if (q.linkedTo() != null) {
      all.add(DSL.exists(DSL.selectOne().from(TicketTables.Link.TABLE)
          .where(TicketTables.Link.TENANT_ID.eq(Tk.TENANT_ID))
          .and(TicketTables.Link.TARGET_ID.eq(q.linkedTo().target().value()))
          .and(TicketTables.Link.LINK_TYPE.eq(q.linkedTo().type().name()))
          .and(TicketTables.Link.TICKET_ID.eq(Tk.ID))));
    }
    if (q.problemsOnly()) {
      all.add(Tk.PROBLEM.isNotNull());
    }
    if (q.withOpenHandoff()) {
      all.add(Tk.HANDOFF_OPEN_SINCE.isNotNull());
    }
  }

  private static void addRanges(List<Condition> all, TicketQuery q) {
    if (q.createdFromInclusive() != null) {
      all.add(Tk.CREATED_AT.ge(q.createdFromInclusive()));
    }
    if (q.createdToExclusive() != null) {
      all.add(Tk.CREATED_AT.lt(q.createdToExclusive()));
    }
  }

  /**
   * Returns "the category is this one or below it" as an equality or a half-open range of
   * paths: every path below {@code A/B} sorts in {@code ["A/B/", "A/B0")}, since {@code '0'}
   * follows {@code '/'}. Columns compare in binary order, so this holds for any segment text.
   */
  private static Condition within(Category category) {
    String path = category.toString();
    return Tk.CATEGORY.eq(path)
        .or(Tk.CATEGORY.ge(path + "/").and(Tk.CATEGORY.lt(path + "0")));
  }

  /**
   * Returns the keyset position of a query: tickets after the cursor in the query's order.
   *
   * @param q the query
   * @return the condition, or {@code true} on the first page
   */
  public static Condition after(TicketQuery q) {
    if (q.after() == null) {
      return DSL.noCondition();
    }
    long n = q.after().afterNumber();
    return q.order() == TicketQuery.Order.OLDEST_FIRST ? Tk.NUMBER.gt(n) : Tk.NUMBER.lt(n);
  }

  /**
   * Returns the query's order.
   *
   * @param q the query
   * @return the sort by ticket number
   */
  public static SortField<Long> order(TicketQuery q) {
    return q.order() == TicketQuery.Order.OLDEST_FIRST ? Tk.NUMBER.asc() : Tk.NUMBER.desc();
  }

  private static List<String> names(java.util.Collection<? extends java.lang.Enum<?>> values) {
    return values.stream().map(java.lang.Enum::name).toList();
  }
}
