package dev.ticketkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Property-testing your SLA rules" shows exactly the host code that the build
 * compiles and runs ({@code com.acme.helpdesk.AcmeSlaProperties}, a test class of this module)
 * and exactly its policy document.
 */
class ReadmeExampleTest {

  private static final Path README = Path.of("../README.md");

  @Test
  void readmeShowsTheCompiledPropertyClass() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/com/acme/helpdesk/AcmeSlaProperties.java"));
    int from = source.indexOf("// README:start\n") + "// README:start\n".length();
    String snippet = source.substring(from, source.indexOf("// README:end", from));
    assertThat(Files.readString(README)).contains("```java\n" + snippet + "```");
  }

  @Test
  void readmeShowsThePolicyDocument() throws IOException {
    String json = Files.readString(Path.of("src/test/resources/acme/sla-policies.json"));
    assertThat(Files.readString(README)).contains("```json\n" + json + "```");
  }
}
