package dev.ticketkit.testkit.jqwik;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.policy.TicketCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The values a set of policies names (channels, categories, tags, tenants, customer tiers,
 * calendars), mixed with a few others, so generated tickets meet each policy's conditions and
 * miss them too. Immutable and thread-safe.
 */
record Vocabulary(List<Channel> channels, List<Category> categories, List<Tag> tags,
    List<TenantId> tenants, String tierField, List<String> tiers,
    List<BusinessCalendar> calendars, int firstYear, int lastYear) {

  private static final List<Category> SAMPLE_CATEGORIES = List.of(Category.parse("account/login"),
      Category.parse("payment/refund"), Category.parse("shipping"));
  private static final List<Tag> SAMPLE_TAGS = List.of(Tag.of("vip"), Tag.of("outage"));

  static Vocabulary of(SlaPolicies policies) {
    TreeSet<Channel> channels = new TreeSet<>(dev.ticketkit.testkit.SampleTickets.channels());
    TreeSet<Category> categories = new TreeSet<>(SAMPLE_CATEGORIES);
    TreeSet<Tag> tags = new TreeSet<>(SAMPLE_TAGS);
    TreeSet<TenantId> tenants = new TreeSet<>(List.of(TenantId.of("acme")));
    TreeSet<String> tiers = new TreeSet<>(List.of("standard"));
    for (SlaPolicy p : policies.policies()) {
      TicketCondition w = p.when();
      channels.addAll(w.channels());
      for (Category c : w.categories()) {
        categories.add(c);
        categories.add(c.child("other"));
      }
      tags.addAll(w.tagsAny());
      tags.addAll(w.tagsAll());
      tags.addAll(w.tagsNone());
      tenants.addAll(w.tenants());
      tiers.addAll(w.customerTiers());
    }
    List<BusinessCalendar> calendars = new ArrayList<>();
    TreeSet<Integer> years = new TreeSet<>();
    for (String id : policies.calendars().ids()) {
      BusinessCalendar c = policies.calendars().get(id);
      if (!id.equals(SlaCalendars.TWENTY_FOUR_SEVEN)) {
        calendars.add(c);
      }
      c.holidays().forEach(d -> years.add(d.getYear()));
      c.workingDays().keySet().forEach(d -> years.add(d.getYear()));
    }
    if (calendars.isEmpty()) {
      calendars.add(policies.calendars().get(SlaCalendars.TWENTY_FOUR_SEVEN));
    }
    int first = years.isEmpty() ? 2025 : years.first();
    int last = years.isEmpty() ? 2026 : years.last();
    return new Vocabulary(List.copyOf(channels), List.copyOf(categories), List.copyOf(tags),
        List.copyOf(tenants), policies.customerTierField(), List.copyOf(tiers),
        List.copyOf(calendars), Math.max(first, 1971), Math.min(last, 2099));
  }
}
