package dev.ticketkit.core;

import static dev.ticketkit.core.ServiceFixture.ACME;
import static dev.ticketkit.core.ServiceFixture.LI;
import static dev.ticketkit.core.ServiceFixture.WANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketRatingExpired;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A DISSATISFIED rating carries a reason; an unanswered rating request expires at auto-close. */
class SatisfactionReasonTest {

  private final ServiceFixture f = new ServiceFixture();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DISSATISFIED/NOT_FIXED: still crashes | DISSATISFIED | NOT_FIXED | still crashes",
      "DISSATISFIED/POOR_COMMUNICATION | DISSATISFIED | POOR_COMMUNICATION |",
      "DISSATISFIED: no reason given | DISSATISFIED | OTHER | no reason given",
      "DISSATISFIED/BILLING: a host's own | DISSATISFIED | BILLING | a host's own",
      "SATISFIED: 谢谢 | SATISFIED | | 谢谢"})
  void textFormCarriesTheReason(String text, Satisfaction level, String reason, String comment) {
    Rating r = Rating.parse(text);
    assertThat(r.satisfaction()).isEqualTo(level);
    assertThat(r.reason()).isEqualTo(reason == null ? null : DissatisfactionReason.of(reason));
    assertThat(r.comment()).isEqualTo(comment);
    assertThat(Rating.parse(r.toString())).isEqualTo(r);
  }

  @Property
  void everyReasonRoundTrips(@ForAll @AlphaChars @StringLength(min = 1, max = 39) String code,
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String comment) {
    DissatisfactionReason reason = DissatisfactionReason.of("R" + code.toUpperCase(java.util.Locale.ROOT)
        .replaceAll("[^A-Z]", "X"));
    Rating r = Rating.dissatisfied(reason, comment + ": " + comment);
    assertThat(Rating.parse(r.toString())).isEqualTo(r);
  }

  @Test
  void onlyADissatisfiedRatingHasAReason() {
    assertThat(Rating.of(Satisfaction.DISSATISFIED).reason()).isEqualTo(DissatisfactionReason.OTHER);
    assertThat(Rating.of(Satisfaction.SATISFIED).reason()).isNull();
    assertThatThrownBy(() -> new Rating(Satisfaction.NEUTRAL, null,
        DissatisfactionReason.NOT_FIXED))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rating.reason").hasMessageContaining("NOT_FIXED");
    assertThatThrownBy(() -> DissatisfactionReason.of("not fixed"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not fixed");
  }

  @Test
  void theReasonIsStoredInTheTicketTheHistoryAndTheEvent() {
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    Rating rating = Rating.dissatisfied(DissatisfactionReason.UNMET_EXPECTATION, "expected a refund");

    Ticket reopened = f.service.rate(ACME, WANG, t.id(), t.version(), rating);

    assertThat(f.eventsOf(TicketRated.class)).last()
        .satisfies(e -> assertThat(e.rating().reason())
            .isEqualTo(DissatisfactionReason.UNMET_EXPECTATION));
    assertThat(f.service.history(ACME, t.id())).filteredOn(e -> e.action() == HistoryAction.RATED)
        .singleElement().satisfies(e -> assertThat(Rating.parse(e.after())).isEqualTo(rating));
    assertThat(reopened.cycle()).isEqualTo(2);
    assertThat(TicketReplay.replay(f.service.history(ACME, t.id()))).isEqualTo(reopened);
  }

  @Test
  void anUnansweredRatingRequestExpiresWhenAutoCloseClosesTheTicket() {
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    f.clock.advance(Duration.ofDays(7));

    Ticket closed = f.service.autoClose(ACME).get(0);

    assertThat(closed.rating()).isNull();
    assertThat(f.eventsOf(TicketRatingExpired.class)).singleElement().satisfies(e -> {
      assertThat(e.ticketId()).isEqualTo(t.id());
      assertThat(e.header().cycle()).isEqualTo(1);
      assertThat(e.actor()).isEqualTo(Actor.system("auto-close"));
    });
    assertThat(f.service.history(ACME, t.id())).filteredOn(e -> e.ticketVersion() == closed.version())
        .first().satisfies(e -> {
          assertThat(e.field()).isEqualTo(TicketField.CAUSE);
          assertThat(e.after()).contains("rating request expired");
        });
    assertThat(TicketReplay.replay(f.service.history(ACME, t.id()))).isEqualTo(closed);
  }

  @Test
  void aClosedTicketWithoutARatingRequestIsNotCountedAsExpired() {
    Ticket t = f.openIn(StandardWorkflow.DIAGNOSING);
    f.fire(t, LI, StandardWorkflow.WAIT_ON_REQUESTER);
    f.clock.advance(Duration.ofDays(30));
    f.service.autoClose(ACME);
    assertThat(f.eventsOf(TicketRatingExpired.class)).isEmpty();
  }
}
