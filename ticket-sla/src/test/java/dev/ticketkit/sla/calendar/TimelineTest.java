package dev.ticketkit.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The compiled timeline: size per year, merging across midnight, and lock-free lazy compilation under contention. */
class TimelineTest {

  private static final int YEAR_2025 = 2025 - 1970;

  @Test
  void aCompiledChinaYearFitsIn64KiB() {
    BusinessCalendar calendar = BusinessCalendar.fromJson(BusinessCalendars.chinaMainland().toJson());
    TimelineBlock year = calendar.timeline().block(YEAR_2025);
    // 2025 in Shanghai: 248 working days with two ranges each, plus the first day of 2026 local time
    // that falls in UTC 2025 (none, 01-01 is a holiday), minus nothing merged.
    assertThat(year.intervalCount()).isEqualTo(2 * 248);
    // Three arrays of 496 ints, guide tables of at most 8 * 496 + 2 and 2 * 496 + 2 ints, and the object.
    assertThat(year.retainedBytes()).isLessThanOrEqualTo(64 * 1024)
        .isBetween(56 + 3 * (16 + 4 * 496L), 56 + 3 * (16 + 4 * 496L) + 2 * 16 + 4 * (10 * 496L + 4) + 8);
    assertThat(year.totalNanos).isEqualTo(Duration.ofMinutes(248 * 450).toNanos());
  }

  @Test
  void aNightShiftAcrossMidnightIsOneSpanPerNight() {
    TimelineBlock year = TestCalendars.named("ny-night").timeline().block(YEAR_2025);
    // UTC 2025 runs from 2024-12-31 19:00 to 2025-12-31 19:00 in New York: the nights starting
    // 2024-12-31 through 2025-12-30, 365 of them, each 22:00-24:00 + 00:00-06:00 merged into one span.
    assertThat(year.intervalCount()).isEqualTo(365);
    assertThat(year.totalNanos).isEqualTo(Duration.ofHours(8 * 365).toNanos());
    TimelineBlock always = TestCalendars.named("ny-24x7").timeline().block(YEAR_2025);
    assertThat(always.intervalCount()).isEqualTo(1);
  }

  @Test
  void concurrentFirstUseCompilesConsistentBlocks() throws Exception {
    BusinessCalendar reference = BusinessCalendars.chinaMainland();
    List<Instant> starts = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      starts.add(Instant.ofEpochSecond(random.nextLong(0, Timeline.END_SECOND - 86_400L * 400)));
    }
    for (int round = 0; round < 5; round++) {
      BusinessCalendar fresh = BusinessCalendar.fromJson(reference.toJson());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Instant>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          go.await();
          List<Instant> ends = new ArrayList<>();
          for (Instant start : starts) {
            ends.add(fresh.plus(start, Duration.ofHours(40)));
          }
          return ends;
        }));
      }
      go.countDown();
      List<Instant> expected = starts.stream().map(s -> reference.plus(s, Duration.ofHours(40))).toList();
      for (Future<List<Instant>> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
      }
      pool.shutdown();
    }
  }
}
