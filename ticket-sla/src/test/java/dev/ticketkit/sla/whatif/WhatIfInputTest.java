package dev.ticketkit.sla.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaPolicies;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatIfInputTest {

  private static final Instant T = Instant.parse("2026-09-15T00:00:00Z");

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefusedNamingTheField() {
    WhatIf w = WhatIf.of(SlaPolicies.standard(), SlaPolicies.standard());
    assertThatThrownBy(() -> w.run(InMemoryTicketStore.create(), TenantId.of("t"), T, T))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("to");
  }

  @Test
  void anEmptyHistoryIsRefused() {
    assertThatThrownBy(() -> SlaReplay.of(SlaPolicies.standard()).replay(List.of(), T))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("history");
  }

  @Test
  void noTicketsGiveAnEmptyComparison() {
    WhatIfResult r = WhatIf.of(SlaPolicies.standard(), SlaPolicies.standard())
        .run(InMemoryTicketStore.create(), TenantId.of("t"), T, T.plusSeconds(60));
    assertThat(r.tickets()).isZero();
    assertThat(r.rows()).isEmpty();
    assertThat(r.changes()).isEmpty();
    assertThat(r.total(SlaMetric.FIRST_RESPONSE).actual().compliance()).isNaN();
  }

  @Test
  void complianceTallyRefusesImpossibleCounts() {
    assertThatThrownBy(() -> new ComplianceTally(1, 1, 1, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tally");
    assertThat(new ComplianceTally(4, 3, 1, 2).compliance()).isEqualTo(0.75);
  }
}
