package dev.ticketkit.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ticketkit.report.Report;
import dev.ticketkit.testkit.report.SampleReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the rendered HTML report in a real headless browser (Debian's chromium): the DOM chromium
 * builds holds every chart's SVG and the Chinese labels, and a screenshot is taken. Skips with a
 * message when chromium is not installed, except with {@code CI=true}, where it fails
 * ({@code .ci/report-browser} installs it).
 */
class HtmlInBrowserTest {

  private static final List<String> CHARTS = List.of("chart-volume-by-day",
      "chart-category-share", "chart-channels", "chart-sla-by-metric", "chart-satisfaction",
      "chart-backlog-aging");

  @TempDir Path dir;

  @Test
  void chromiumRendersEveryChartAndTheChineseLabels() throws Exception {
    String chromium = chromium();
    Report report = SampleReport.report(300, b -> b);
    Path page = dir.resolve("report.html");
    HtmlReportRenderer.create(Locale.SIMPLIFIED_CHINESE).writeTo(report, page);
    Run dom = run(chromium, "--dump-dom", page.toUri().toString());
    assertThat(dom.exit).as(dom.err).isZero();
    for (String id : CHARTS) {
      assertThat(dom.out).as(id).containsPattern("<svg[^>]*id=\"" + id + "\"");
    }
    assertThat(dom.out).contains("月度服务报告", "工单受理量", "满意度", "<text");
    Path png = dir.resolve("report.png");
    Run shot = run(chromium, "--screenshot=" + png, "--window-size=1280,2400",
        page.toUri().toString());
    assertThat(shot.exit).as(shot.err).isZero();
    assertThat(Files.size(png)).isGreaterThan(50_000);
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String chromium, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        File f = new File(dir, name);
        if (f.canExecute()) {
          return f.getPath();
        }
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("chromium is not installed but CI=true: run .ci/report-browser to install it");
    }
    Assumptions.abort("chromium is not installed (apt-get install chromium); skipped outside CI");
    return "";
  }
}
