package dev.ticketkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Ticket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's example runs, and the README shows exactly the code that compiles. */
class QuickStartTest {

  @Test
  void embeddingExampleRuns() {
    Ticket ticket = QuickStart.run(Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC));
    assertThat(ticket.status().name()).isEqualTo("ACCEPTED");
    assertThat(ticket.version()).isEqualTo(3);
  }

  @Test
  void readmeShowsTheCompiledExample() throws IOException {
    String source = Files.readString(Path.of("src/main/java/dev/ticketkit/examples/QuickStart.java"));
    String readme = Files.readString(Path.of("../README.md"));
    String snippet = between(source, "// README:start\n", "    // README:end");
    assertThat(readme).contains(dedent(snippet));
  }

  @Test
  void demoTellsTheWholeStory() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new HelpdeskDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("WECHAT_OFFICIAL_ACCOUNT", "RATED", "CLOSED(CLOSED)", "Requester view",
        "FIRST_RESPONSE   MET", "rule 1 of 2: arrival on a working day");
    assertThat(out.substring(out.indexOf("Suggested articles"))).contains("付款成功但订单显示待支付怎么办");
    String requesterPart = out.substring(out.indexOf("Requester view"));
    assertThat(requesterPart).doesNotContain("需手工补单。");
    assertThat(out.substring(0, out.indexOf("Requester view"))).contains("需手工补单。");
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  private static String dedent(String block) {
    return Arrays.stream(block.split("\n", -1))
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
  }
}
