package dev.ticketkit.sla.policy;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which tickets a policy takes: every given part must hold; an empty part does not restrict.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param priorities the priorities allowed
 * @param channels the intake channels allowed
 * @param categories the categories allowed; a ticket matches a category or any sub-category of it
 * @param tenants the tenants allowed
 * @param customerTiers the customer tiers allowed, read from the ticket's customer-tier custom
 *     field (see {@link SlaPolicies#customerTierField()})
 * @param tagsAny tags of which the ticket must have at least one
 * @param tagsAll tags the ticket must all have
 * @param tagsNone tags the ticket must not have
 */
public record TicketCondition(
    Set<Priority> priorities,
    Set<Channel> channels,
    List<Category> categories,
    Set<TenantId> tenants,
    Set<String> customerTiers,
    Set<Tag> tagsAny,
    Set<Tag> tagsAll,
    Set<Tag> tagsNone) {

  /** The condition every ticket meets. */
  public static final TicketCondition ANY = new TicketCondition(Set.of(), Set.of(), List.of(),
      Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  /** Copies the parts. */
  public TicketCondition {
    priorities = Set.copyOf(priorities);
    channels = Set.copyOf(channels);
    categories = List.copyOf(categories);
    tenants = Set.copyOf(tenants);
    customerTiers = Set.copyOf(customerTiers);
    tagsAny = Set.copyOf(tagsAny);
    tagsAll = Set.copyOf(tagsAll);
    tagsNone = Set.copyOf(tagsNone);
  }

  /**
   * Tells whether a ticket meets the condition.
   *
   * @param ticket the ticket
   * @param customerTierField the custom field holding the customer tier
   * @return true if every given part holds
   */
  public boolean matches(Ticket ticket, String customerTierField) {
    return (priorities.isEmpty() || priorities.contains(ticket.priority()))
        && (channels.isEmpty() || channels.contains(ticket.channel()))
        && (tenants.isEmpty() || tenants.contains(ticket.tenant()))
        && (categories.isEmpty() || inCategory(ticket.category()))
        && (customerTiers.isEmpty() || customerTiers.contains(tier(ticket, customerTierField)))
        && (tagsAny.isEmpty() || !Collections.disjoint(tagsAny, ticket.tags()))
        && ticket.tags().containsAll(tagsAll)
        && Collections.disjoint(tagsNone, ticket.tags());
  }

  private boolean inCategory(@Nullable Category category) {
    if (category == null) {
      return false;
    }
    for (Category c : categories) {
      if (category.isWithin(c)) {
        return true;
      }
    }
    return false;
  }

  private static String tier(Ticket ticket, String field) {
    CustomFieldValue v = ticket.customFields().get(field);
    if (v == null) {
      return "";
    }
    String text = v.toString();
    return text.substring(text.indexOf(':') + 1);
  }

  /**
   * Describes the condition in words.
   *
   * @return such as {@code "priority in [URGENT] and tags any of [vip]"}, or {@code "any ticket"}
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    add(parts, "priority in ", priorities);
    add(parts, "channel in ", channels);
    add(parts, "category within ", categories);
    add(parts, "tenant in ", tenants);
    add(parts, "customer tier in ", customerTiers);
    add(parts, "tags any of ", tagsAny);
    add(parts, "tags all of ", tagsAll);
    add(parts, "tags none of ", tagsNone);
    return parts.isEmpty() ? "any ticket" : String.join(" and ", parts);
  }

  private static void add(List<String> parts, String label, java.util.Collection<?> values) {
    if (!values.isEmpty()) {
      parts.add(label + values.stream().map(String::valueOf).sorted().toList());
    }
  }
}
