package dev.ticketkit.jdbc.partial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ticket-sla, ticket-kb and ticket-report are optional dependencies of ticket-jdbc: a host that
 * stores only tickets must be able to run without them (and without Lucene). This test runs such a host in a
 * child JVM whose class path is this one's minus those jars and class folders.
 */
class PartialClasspathTest {

  @Test
  void ticketStorageRunsWithoutTheSlaAndKnowledgeBaseModules() throws Exception {
    List<String> kept = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("ticket-sla") && !entry.contains("ticket-kb")
            && !entry.contains("ticket-report")
            && !entry.contains("ticket-testkit") && !entry.contains("lucene"))
        .toList();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, kept),
        TicketsOnlyHost.class.getName()).redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output.lines().collect(Collectors.toList())).contains("OK 1 2");
  }
}
