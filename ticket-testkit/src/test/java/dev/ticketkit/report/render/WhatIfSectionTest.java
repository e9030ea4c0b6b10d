package dev.ticketkit.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.WhatIfRow;
import dev.ticketkit.report.WhatIfSection;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.whatif.WhatIf;
import dev.ticketkit.sla.whatif.WhatIfResult;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.SampleTickets;
import dev.ticketkit.testkit.report.SampleReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report's optional what-if section (issue 15): three tickets answered after 5, 12 and 20
 * minutes on a working Monday, replayed with a 10-minute first reply instead of 15, rendered in
 * JSON, CSV and HTML beside the actual figures; a report without the section renders as before.
 */
class WhatIfSectionTest {

  private static final String CHANGE = "first reply in 10 minutes on working days instead of 15";
  private static WhatIfResult result;
  private static Report plain;
  private static Report withWhatIf;

  @BeforeAll
  static void replay() throws IOException {
    Instant monday = Instant.parse("2026-03-02T02:00:00Z"); // 10:00 in Shanghai
    MutableClock clock = MutableClock.of(monday);
    InMemoryTicketStore tickets = InMemoryTicketStore.create();
    TicketService service = TicketService.builder().store(tickets).clock(clock).build();
    TenantId tenant = TenantId.of("acme");
    try (SlaEngine engine = SlaEngine.builder().tickets(service).store(InMemorySlaStore.create())
        .notifier(n -> { }).build()) {
      int arrival = 0;
      for (int minutes : new int[] {5, 12, 20}) {
        clock.set(monday.plus(Duration.ofMinutes(arrival)));
        arrival += 30;
        Ticket t = service.open(tenant, Actor.requester("cust-" + minutes),
            SampleTickets.intake(Channel.WECHAT_OFFICIAL_ACCOUNT, Priority.HIGH));
        clock.advance(Duration.ofMinutes(minutes));
        service.reply(tenant, Actor.agent("agent-li"), t.id(), t.version(),
            Message.of(Channel.WECHAT_OFFICIAL_ACCOUNT, "We are on it."));
        engine.tick(clock.instant());
      }
    }
    result = WhatIf.of(SlaPolicies.standard(), tenMinutes())
        .run(tickets, tenant, monday, monday.plus(Duration.ofDays(1)));
    plain = SampleReport.report(60, b -> b);
    withWhatIf = plain.withWhatIf(WhatIfSection.of(CHANGE, result, 5));
  }

  @Test
  void theSectionCarriesActualBesideWhatIf() {
    WhatIfSection s = withWhatIf.whatIf();
    assertThat(s.tickets()).isEqualTo(3);
    assertThat(s.breachesGained()).isEqualTo(1);
    assertThat(s.breachesAvoided()).isZero();
    assertThat(s.ticketsChanged()).isEqualTo(1);
    WhatIfRow fr = s.rows().stream().filter(r -> r.metric() == SlaMetric.FIRST_RESPONSE)
        .findFirst().orElseThrow();
    assertThat(fr.priority()).isEqualTo(Priority.HIGH);
    assertThat(fr.actualMet()).isEqualTo(2);
    assertThat(fr.actualBreached()).isEqualTo(1);
    assertThat(fr.whatIfMet()).isEqualTo(1);
    assertThat(fr.whatIfBreached()).isEqualTo(2);
    assertThat(fr.actualRate()).isEqualTo(2.0 / 3);
    assertThat(s.examples()).singleElement().satisfies(e -> {
      assertThat(e.actual()).isEqualTo("MET");
      assertThat(e.whatIf()).isEqualTo("BREACHED");
      assertThat(e.explanation()).contains("PT15M").contains("PT10M");
    });
    assertThat(plain.whatIf()).isNull();
  }

  @Test
  void jsonHasTheSectionOnlyWhenAttached() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode with = mapper.readTree(JsonReportRenderer.create().render(withWhatIf));
    assertThat(with.at("/whatIf/change").asText()).isEqualTo(CHANGE);
    assertThat(with.at("/whatIf/breachesGained").asLong()).isEqualTo(1);
    assertThat(with.at("/whatIf/rows/0/metric").asText()).isNotBlank();
    JsonNode without = mapper.readTree(JsonReportRenderer.create().render(plain));
    assertThat(without.has("whatIf")).isFalse();
  }

  @Test
  void csvHasAWhatIfTableOnlyWhenAttached() throws IOException {
    Map<String, String> tables = CsvReportRenderer.create().render(withWhatIf);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get()
        .parse(new StringReader(tables.get("what_if"))).getRecords();
    CSVRecord fr = rows.stream().filter(r -> r.get("metric").equals("FIRST_RESPONSE"))
        .findFirst().orElseThrow();
    assertThat(fr.get("actual_breached")).isEqualTo("1");
    assertThat(fr.get("what_if_breached")).isEqualTo("2");
    assertThat(CsvReportRenderer.create().render(plain)).doesNotContainKey("what_if");
  }

  @Test
  void htmlShowsTheSectionInBothLanguages() {
    String en = HtmlReportRenderer.create(Locale.ENGLISH).render(withWhatIf);
    assertThat(en).contains("id=\"what-if\"").contains(CHANGE).contains("Breaches gained")
        .contains("PT10M");
    String zh = HtmlReportRenderer.create(Locale.SIMPLIFIED_CHINESE).render(withWhatIf);
    assertThat(zh).contains("假设分析").contains("新增违约");
    assertThat(HtmlReportRenderer.create(Locale.ENGLISH).render(plain))
        .doesNotContain("id=\"what-if\"");
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> WhatIfSection.of(" ", result, 5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("change");
    assertThatThrownBy(() -> WhatIfSection.of(CHANGE, result, 101))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxExamples");
  }

  private static SlaPolicies tenMinutes() throws IOException {
    try (InputStream in = SlaPolicies.class.getResourceAsStream("standard-policies.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\"within\": \"15m\"", "\"within\": \"10m\"");
      return SlaPolicies.fromJson(json, SlaCalendars.standard());
    }
  }
}
