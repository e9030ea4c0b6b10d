package dev.ticketkit.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketkit.report.Report;
import dev.ticketkit.testkit.report.SampleReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON, CSV and HTML renderers over the sample report. */
class RenderersTest {

  private static Report report;

  @BeforeAll
  static void sample() {
    report = SampleReport.report(300, b -> b);
  }

  @Test
  void jsonFieldNamesAreExactlyTheGoldenOnes() throws IOException {
    JsonNode json = new ObjectMapper().readTree(JsonReportRenderer.create().render(report));
    TreeSet<String> paths = new TreeSet<>();
    collect(json, "$", paths);
    try (InputStream in = getClass().getResourceAsStream("report-json-fields.txt")) {
      List<String> golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).toList();
      assertThat(paths).containsExactlyElementsOf(golden);
    }
    assertThat(json.at("/timings/resolution/mean").asText()).startsWith("PT");
    assertThat(json.at("/period/month").asText()).isEqualTo("2026-03");
    assertThat(json.at("/tenant").asText()).isEqualTo("acme");
  }

  private static void collect(JsonNode n, String path, TreeSet<String> out) {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String p = path + "." + e.getKey();
        out.add(p);
        collect(e.getValue(), p, out);
      }
    } else if (n.isArray()) {
      n.forEach(e -> collect(e, path + "[]", out));
    }
  }

  @Test
  void theKnowledgeBaseFiguresComeThroughTheKbAdapter() {
    assertThat(report.frequentIssues().knowledgeBase()).isTrue();
    assertThat(report.frequentIssues().solvingArticles()).isNotEmpty()
        .allMatch(a -> a.ticketsSolved() > 0);
    assertThat(report.frequentIssues().faqCandidates()).isNotEmpty();
    assertThat(report.frequentIssues().categories()).anyMatch(c -> c.key().equals("account")
        && c.solutionArticleShare() != null && c.solutionArticleShare() > 0)
        .anyMatch(c -> c.key().equals("shipping") && c.solutionArticleShare() == 0.0);
  }

  @Test
  void csvTablesReadBackWithTheirHeadersAndRows() throws IOException {
    Map<String, String> tables = CsvReportRenderer.create().render(report);
    assertThat(tables.keySet()).contains("headline", "received_by_channel", "agents",
        "sla_compliance", "rating_comments", "suggestions");
    List<CSVRecord> channels = parse(tables.get("received_by_channel"));
    assertThat(channels).hasSize(report.volume().byChannel().size());
    assertThat(channels.get(0).get("channel")).isEqualTo(report.volume().byChannel().get(0).key());
    assertThat(Long.parseLong(channels.get(0).get("count")))
        .isEqualTo(report.volume().byChannel().get(0).count());
    List<CSVRecord> comments = parse(tables.get("rating_comments"));
    assertThat(comments).extracting(r -> r.get("comment"))
        .containsExactlyElementsOf(report.satisfaction().comments().stream()
            .map(c -> c.comment()).toList());
    assertThat(parse(tables.get("received_by_day"))).hasSize(31);
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv)).getRecords();
  }

  @Test
  void htmlIsSelfContainedWithSixChartsAndTheLocalesLabels() {
    String zh = HtmlReportRenderer.create(Locale.CHINA).render(report);
    String en = HtmlReportRenderer.create(Locale.US).render(report);
    for (String page : List.of(zh, en)) {
      assertThat(page).doesNotContain("http://www.example", "src=\"http", "href=\"http",
          "<script", "@import", "url(http");
      assertThat(page.split("<svg ", -1)).hasSize(7);
      assertThat(page).contains("font-family: \"Noto Sans CJK SC\"", "sans-serif");
    }
    assertThat(zh).contains("月度服务报告", "首次解决率", "lang=\"zh-CN\"");
    assertThat(en).contains("Monthly service report", "First-contact resolution", "lang=\"en\"")
        .doesNotContain("月度服务报告");
  }
}
