package dev.ticketkit.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.spike.SeriesKey;
import dev.ticketkit.report.spike.SignalKind;
import dev.ticketkit.report.spike.SpikeDetected;
import dev.ticketkit.testkit.report.SampleReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The report's complaint-spike alerts (issue 15: the month's report shows the alert the detector
 * raised): rendered in JSON, CSV and HTML in both languages when attached, absent otherwise, and
 * never another tenant's.
 */
class SpikeAlertsSectionTest {

  private static final Report PLAIN = SampleReport.report(60, b -> b);
  private static final TicketId EXAMPLE = TicketId.of(UUID.fromString(
      "0b0c0d0e-0000-4000-8000-00000000000a"));

  private static SpikeDetected alert(TenantId tenant) {
    Instant started = PLAIN.period().startInclusive().plus(Duration.ofDays(3));
    return new SpikeDetected(tenant, new SeriesKey(SignalKind.COMPLAINT, "category", "complaint"),
        started, started.plus(Duration.ofMinutes(15)), Duration.ofMinutes(15), 9, 0.4, 1e-9,
        List.of(EXAMPLE));
  }

  @Test
  void theAlertsAreInEveryRenderingOnlyWhenAttached() throws IOException {
    Report with = PLAIN.withSpikeAlerts(List.of(alert(PLAIN.tenant())));

    JsonNode json = new ObjectMapper().readTree(JsonReportRenderer.create().render(with));
    assertThat(json.at("/spikeAlerts/0/observed").asLong()).isEqualTo(9);
    assertThat(json.at("/spikeAlerts/0/examples/0").toString()).contains(EXAMPLE.toString());
    assertThat(new ObjectMapper().readTree(JsonReportRenderer.create().render(PLAIN))
        .has("spikeAlerts")).isFalse();

    Map<String, String> csv = CsvReportRenderer.create().render(with);
    assertThat(csv.get("spike_alerts")).contains("COMPLAINT/category=complaint")
        .contains(EXAMPLE.toString());
    assertThat(CsvReportRenderer.create().render(PLAIN)).doesNotContainKey("spike_alerts");

    String en = HtmlReportRenderer.create(Locale.ENGLISH).render(with);
    assertThat(en).contains("id=\"spike-alerts\"").contains("Complaint-spike alerts")
        .contains("COMPLAINT/category&#61;complaint").contains("15 min");
    assertThat(HtmlReportRenderer.create(Locale.SIMPLIFIED_CHINESE).render(with))
        .contains("投诉激增预警");
    assertThat(HtmlReportRenderer.create(Locale.ENGLISH).render(PLAIN))
        .doesNotContain("id=\"spike-alerts\"");
  }

  @Test
  void anotherTenantsAlertIsRefused() {
    assertThatThrownBy(() -> PLAIN.withSpikeAlerts(List.of(alert(TenantId.of("other-shop")))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("spikeAlerts");
  }
}
