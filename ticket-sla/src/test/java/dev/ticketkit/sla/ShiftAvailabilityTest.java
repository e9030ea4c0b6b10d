package dev.ticketkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.routing.AgentProfile;
import dev.ticketkit.core.routing.InMemoryRosterStore;
import dev.ticketkit.core.routing.Roster;
import dev.ticketkit.core.routing.Router;
import dev.ticketkit.core.routing.Routing;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shifts from business calendars decide who routing may choose. */
class ShiftAvailabilityTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final AgentId EARLY = AgentId.of("early-li");
  private static final AgentId LATE = AgentId.of("late-zhao");
  private static final AgentId NOBODY = AgentId.of("no-shift");
  private static final BusinessCalendar EARLY_SHIFT = BusinessCalendar.builder("early", SHANGHAI)
      .weekdays("07:00-12:00", "13:00-15:00").holidays(LocalDate.of(2031, 10, 1)).build();
  private static final BusinessCalendar LATE_SHIFT = BusinessCalendar.builder("late", SHANGHAI)
      .weekdays("15:00-23:00").build();

  private static Instant shanghai(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void anAgentIsAvailableInsideTheWorkingTimeOfTheirShift() {
    ShiftAvailability shifts = ShiftAvailability.of(
        Map.of(EARLY, EARLY_SHIFT, LATE, LATE_SHIFT), null);
    Instant mondayMorning = shanghai("2031-09-29T09:00");
    assertThat(shifts.isAvailable(EARLY, mondayMorning)).isTrue();
    assertThat(shifts.isAvailable(LATE, mondayMorning)).isFalse();
    assertThat(shifts.isAvailable(EARLY, shanghai("2031-09-29T12:30"))).as("lunch").isFalse();
    assertThat(shifts.isAvailable(EARLY, shanghai("2031-09-29T15:00"))).as("end exclusive")
        .isFalse();
    assertThat(shifts.isAvailable(LATE, shanghai("2031-09-29T15:00"))).isTrue();
    assertThat(shifts.isAvailable(EARLY, shanghai("2031-10-01T09:00"))).as("holiday").isFalse();
    assertThat(shifts.isAvailable(NOBODY, mondayMorning)).as("no shift, no default").isFalse();
    assertThat(ShiftAvailability.of(Map.of(LATE, LATE_SHIFT), EARLY_SHIFT)
        .isAvailable(NOBODY, mondayMorning)).as("default shift").isTrue();
    assertThat(shifts.isAvailable(EARLY, Instant.MAX)).as("outside the range").isFalse();
  }

  @Test
  void routingGivesTheTicketToWhoeverIsOnShift() {
    MutableClock clock = new MutableClock(shanghai("2031-09-29T09:00"));
    TicketService service = TicketService.builder().store(InMemoryTicketStore.create())
        .clock(clock).routing(Routing.builder()
            .roster(Roster.of(AgentProfile.of(EARLY, "L1", 5), AgentProfile.of(LATE, "L1", 5)))
            .router(Router.roundRobin()).store(InMemoryRosterStore.create())
            .availability(ShiftAvailability.of(Map.of(EARLY, EARLY_SHIFT, LATE, LATE_SHIFT), null))
            .build()).build();
    TenantId tenant = TenantId.of("shifts");
    NewTicket intake = NewTicket.builder().requester(Requester.of("wang", "Wang"))
        .channel(Channel.PHONE).subject("Cannot log in").description("Locked out").build();
    assertThat(service.open(tenant, Actor.requester("wang"), intake).assignee()).isEqualTo(EARLY);
    assertThat(service.open(tenant, Actor.requester("wang"), intake).assignee()).isEqualTo(EARLY);
    clock.set(shanghai("2031-09-29T16:00"));
    assertThat(service.open(tenant, Actor.requester("wang"), intake).assignee()).isEqualTo(LATE);
    clock.set(shanghai("2031-09-29T23:30"));
    assertThat(service.open(tenant, Actor.requester("wang"), intake).assignee())
        .as("nobody on shift: queued").isNull();
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    Map<AgentId, BusinessCalendar> withNull = new HashMap<>();
    withNull.put(EARLY, null);
    assertThatThrownBy(() -> ShiftAvailability.of(withNull, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("shifts");
    assertThatThrownBy(() -> ShiftAvailability.of(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("shift");
  }
}
