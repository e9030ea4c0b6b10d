package dev.ticketkit.testkit.jqwik;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.testkit.SampleTickets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries of ticket intakes ({@link NewTicket}): every channel (a host channel too),
 * every priority, categories, tags and a customer-tier custom field. Given a set of SLA
 * policies, the values their conditions name are drawn often, so generated tickets meet each
 * policy and miss it too.
 *
 * <pre>{@code
 * @Property
 * void everyIntakeIsMatched(@ForAll("intakes") NewTicket intake) { ... }
 *
 * @Provide
 * Arbitrary<NewTicket> intakes() {
 *   return TicketArbitraries.intakes(myPolicies);
 * }
 * }</pre>
 *
 * <p>Intakes shrink toward an EMAIL ticket of priority URGENT without category, tags or custom
 * fields. Stateless and thread-safe.
 */
public final class TicketArbitraries {

  private TicketArbitraries() {}

  /**
   * Returns the well-known channels and a host channel, {@code Channel.of("LINE")}.
   *
   * @return the arbitrary; shrinks toward EMAIL
   */
  public static Arbitrary<Channel> channels() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, Arbitraries.of(SampleTickets.channels())),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Channel.of("LINE"))));
  }

  /**
   * Returns every priority.
   *
   * @return the arbitrary; shrinks toward URGENT
   */
  public static Arbitrary<Priority> priorities() {
    return Arbitraries.of(Priority.class);
  }

  /**
   * Returns intakes with any channel, priority, a sample category, sample tags ({@code vip},
   * {@code outage}) and sometimes a customer tier.
   *
   * @return the arbitrary
   */
  public static Arbitrary<NewTicket> intakes() {
    return intakes(SlaPolicies.standard());
  }

  /**
   * Returns intakes whose channel, category, tags and customer tier are drawn from those the
   * policies' conditions name, mixed with others.
   *
   * @param policies the policies
   * @return the arbitrary
   */
  public static Arbitrary<NewTicket> intakes(SlaPolicies policies) {
    return intakes(Vocabulary.of(Objects.requireNonNull(policies, "policies")));
  }

  /**
   * Returns the tenants the policies name and {@code acme}.
   *
   * @param policies the policies
   * @return the arbitrary
   */
  public static Arbitrary<TenantId> tenants(SlaPolicies policies) {
    return Arbitraries.of(Vocabulary.of(policies).tenants());
  }

  static Arbitrary<NewTicket> intakes(Vocabulary v) {
    Arbitrary<Channel> channels = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(v.channels())),
        net.jqwik.api.Tuple.of(1, channels()));
    return Combinators.combine(channels, priorities(), categories(v).optional(0.7),
        Arbitraries.of(v.tags()).set().ofMaxSize(2), Arbitraries.of(v.tiers()).optional(0.5))
        .as((channel, priority, category, tags, tier) ->
            intake(v, channel, priority, category, tags, tier));
  }

  static Arbitrary<Category> categories(Vocabulary v) {
    return Arbitraries.of(v.categories());
  }

  private static NewTicket intake(Vocabulary v, Channel channel, Priority priority,
      Optional<Category> category, Set<Tag> tags, Optional<String> tier) {
    NewTicket.Builder b = SampleTickets.builder(channel, priority);
    category.ifPresent(b::category);
    tags.forEach(b::tag);
    tier.ifPresent(t -> b.customField(v.tierField(), CustomFieldValue.text(t)));
    return b.build();
  }
}
