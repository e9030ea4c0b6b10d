package dev.ticketkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The manual clock, sample calendars and sample intakes do what their Javadoc says. */
class SamplesTest {

  @Test
  void theClockMovesOnlyWhenTold() {
    MutableClock clock = MutableClock.at("2026-03-02T09:00:00+08:00");
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
    assertThat(clock.advance(Duration.ofMinutes(15))).isEqualTo("2026-03-02T01:15:00Z");
    assertThat(clock.advanceTo(Instant.parse("2026-03-02T01:00:00Z"))).as("never back")
        .isEqualTo("2026-03-02T01:15:00Z");
    clock.set(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo("2026-03-01T00:00:00Z");
    assertThat(MutableClock.at("2026-03-01T00:00:00Z").instant()).isEqualTo(clock.instant());
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
  }

  @Test
  void sampleCalendarsHaveTheirTrickyDays() {
    BusinessCalendar us = SampleCalendars.usEastern();
    assertThat(us.isWorkingDay(LocalDate.parse("2026-07-03"))).isFalse();
    Instant beforeSpringForward = Instant.parse("2026-03-06T21:00:00Z"); // Fri 16:00 EST
    assertThat(us.plus(beforeSpringForward, Duration.ofHours(2)))
        .isEqualTo("2026-03-09T14:00:00Z"); // Mon 10:00 EDT, not 09:00 EST
    BusinessCalendar night = SampleCalendars.auNightDesk();
    LocalDate dstEnds = LocalDate.parse("2026-04-05");
    Instant from = dstEnds.atStartOfDay(night.zone()).toInstant();
    assertThat(night.between(from, dstEnds.plusDays(1).atStartOfDay(night.zone()).toInstant()))
        .isEqualTo(Duration.ofHours(9)); // 00:00-06:00 with an extra hour, and 22:00-24:00
    assertThat(SampleCalendars.ukRetail().hoursOn(LocalDate.parse("2026-12-24")).toString())
        .isEqualTo("[08:00-13:00]");
    assertThat(SampleCalendars.chinaMainland().isWorkingDay(LocalDate.parse("2026-02-28")))
        .as("a make-up working Saturday").isTrue();
    assertThat(SampleCalendars.registry().ids())
        .containsExactly("24x7", "cn-mainland", "us-eastern", "uk-retail", "au-night-desk");
  }

  @Test
  void sampleIntakesCoverEveryChannelAndPriority() {
    assertThat(SampleTickets.everyChannelAndPriority()).hasSize(44);
    NewTicket wechat = SampleTickets.intake(Channel.WECHAT_OFFICIAL_ACCOUNT, Priority.URGENT);
    assertThat(wechat.requester().handles().get(0).kind()).isEqualTo("wechat_openid");
    assertThat(wechat.subject()).contains("支付");
    assertThat(SampleTickets.requester(Channel.of("LINE")).handles().get(0).kind())
        .isEqualTo("im");
  }
}
