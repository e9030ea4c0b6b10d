package dev.ticketkit.testkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.report.AgentFigures;
import dev.ticketkit.report.Count;
import dev.ticketkit.report.EscalationCount;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.SlaCompliance;
import dev.ticketkit.sla.store.SlaStore;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Compares a report with the figures the {@link HistoryOracle} counts. */
public final class OracleCheck {

  private OracleCheck() {}

  /**
   * Asserts that a report's figures equal those the oracle counts from the stores.
   *
   * @param r the report
   * @param tickets the ticket store
   * @param sla the SLA store
   * @param tenant the report's tenant
   */
  public static void check(Report r, TicketStore tickets, SlaStore sla, TenantId tenant) {
    HistoryOracle o = new HistoryOracle(tickets, sla, tenant);
    OracleFigures f = new OracleFigures(o, r.period(), r.asOf());
    assertThat(r.volume().received()).isEqualTo(f.received().size());
    assertThat(asMap(r.volume().byChannel())).isEqualTo(f.countBy(f.received(),
        t -> t.channel().code()));
    assertThat(asMap(r.volume().byCategoryPath())).isEqualTo(f.countBy(f.received(),
        t -> t.category() == null ? "(none)" : t.category().toString()));
    Map<java.time.LocalDate, Long> byDay = new TreeMap<>();
    r.volume().byDay().stream().filter(d -> d.count() > 0)
        .forEach(d -> byDay.put(d.date(), d.count()));
    assertThat(byDay).isEqualTo(f.receivedByDay());
    assertThat(r.volume().resolved()).isEqualTo(f.resolved().size());
    assertThat(r.volume().closed()).isEqualTo(f.closings("CLOSED"));
    assertThat(r.volume().cancelled()).isEqualTo(f.closings("CANCELLED"));
    assertThat(r.volume().merged()).isEqualTo(f.closings("MERGED"));
    assertThat(r.backlog().total()).isEqualTo(f.backlog().size());
    assertThat(r.backlog().aging().stream().map(b -> b.count()).toList())
        .isEqualTo(f.aging(r.backlog().aging()));
    assertThat(r.timings().resolution()).isEqualTo(f.resolutionStats());
    assertThat(r.timings().firstReply()).isEqualTo(f.firstReplyStats());
    assertThat(r.firstContactResolution().closed()).isEqualTo(f.closings("CLOSED"));
    assertThat(r.firstContactResolution().firstContact()).isEqualTo(f.firstContact());
    assertThat(r.satisfaction().satisfied() + "/" + r.satisfaction().neutral() + "/"
        + r.satisfaction().dissatisfied()).isEqualTo(f.ratings());
    java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
    r.satisfaction().dissatisfiedByReason().forEach(c -> reasons.put(c.key(), c.count()));
    assertThat(reasons).isEqualTo(f.dissatisfiedByReason());
    assertThat(r.rework().reopens()).isEqualTo(f.reopens());
    for (SlaCompliance c : r.sla().byMetric()) {
      assertThat(c.met() + "/" + c.breached() + "/" + c.running()).as(c.metric().name())
          .isEqualTo(f.sla(c.metric()));
    }
    assertThat(r.sla().breaches()).isEqualTo(f.breaches());
    assertThat(r.sla().escalations().stream().collect(Collectors.toMap(
        (EscalationCount e) -> e.metric() + "#" + e.level(), EscalationCount::count)))
        .isEqualTo(f.escalations());
    Map<String, Long> byAgent = new TreeMap<>();
    for (AgentFigures a : r.agents()) {
      if (a.resolved() > 0) {
        byAgent.put(a.agent(), a.resolved());
      }
    }
    assertThat(byAgent).isEqualTo(f.resolvedByAgent());
  }

  private static Map<String, Long> asMap(java.util.List<Count> counts) {
    return counts.stream().collect(Collectors.toMap(Count::key, Count::count));
  }


}
