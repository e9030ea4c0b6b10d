package dev.ticketkit.testkit.jqwik;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.testkit.story.TicketStory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * A jqwik domain for TicketKit: with {@code @Domain(SlaDomain.class)} on a property or its class,
 * parameters {@code @ForAll BusinessCalendar}, {@code @ForAll NewTicket}, {@code @ForAll Channel}
 * and {@code @ForAll TicketStory} need no provider method.
 *
 * <pre>{@code
 * @Property
 * @Domain(SlaDomain.class)
 * void calendarsAreConsistent(@ForAll BusinessCalendar calendar, @ForAll NewTicket intake) { ... }
 * }</pre>
 *
 * <p>Calendars are random ones over 2025-2026 ({@link CalendarArbitraries#calendars()}); intakes
 * and stories are drawn for the standard policies ({@link TicketArbitraries#intakes()},
 * {@link StoryArbitraries#stories()}). Thread-safe: stateless.
 */
public class SlaDomain extends DomainContextBase {

  /** Creates the domain; jqwik does. */
  public SlaDomain() {}

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return CalendarArbitraries.calendars();
  }

  @Provide
  Arbitrary<NewTicket> intakes() {
    return TicketArbitraries.intakes();
  }

  @Provide
  Arbitrary<Channel> channels() {
    return TicketArbitraries.channels();
  }

  @Provide
  Arbitrary<TicketStory> stories() {
    return StoryArbitraries.stories();
  }
}
