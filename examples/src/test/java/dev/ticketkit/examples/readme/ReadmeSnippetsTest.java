package dev.ticketkit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the README is host code that the build compiles: each is the
 * text between a {@code // README:start} and a {@code // README:end} line of one of the sources
 * below, dedented to the marker's column, and the README shows it verbatim (fenced blocks inside
 * a list item are compared without the item's indentation).
 */
class ReadmeSnippetsTest {

  private static final Path README = Path.of("../README.md");

  private static final List<Path> SOURCES = List.of(
      Path.of("src/main/java/dev/ticketkit/examples/QuickStart.java"),
      Path.of("src/test/java/dev/ticketkit/examples/readme/CoreSnippets.java"),
      Path.of("src/test/java/dev/ticketkit/examples/readme/ModuleSnippets.java"),
      Path.of("../ticket-kb-semantic/src/test/java/dev/ticketkit/kb/semantic/ReadmeHybridSnippet.java"),
      Path.of("../ticket-testkit/src/test/java/com/acme/helpdesk/AcmeSlaProperties.java"));

  private static final Pattern JAVA_BLOCK =
      Pattern.compile("(?m)^( *)```java\n(.*?)^\\1```$", Pattern.DOTALL);

  @Test
  void everyCompiledSnippetIsAJavaBlockOfTheReadme() throws IOException {
    List<String> blocks = readmeJavaBlocks();
    for (String snippet : compiledSnippets()) {
      assertThat(blocks).as("README java blocks").contains(snippet);
    }
  }

  @Test
  void everyJavaBlockOfTheReadmeIsCompiled() throws IOException {
    List<String> snippets = compiledSnippets();
    List<String> blocks = readmeJavaBlocks();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(20);
    for (String block : blocks) {
      assertThat(snippets).as("compiled README snippets").contains(block);
    }
  }

  /** The README's java blocks, each without the indentation of its fence. */
  private static List<String> readmeJavaBlocks() throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(Files.readString(README));
    while (m.find()) {
      blocks.add(dedent(m.group(2), m.group(1).length()));
    }
    return blocks;
  }

  /** The marked regions of the sources, each dedented to its start marker's column. */
  private static List<String> compiledSnippets() throws IOException {
    List<String> snippets = new ArrayList<>();
    for (Path source : SOURCES) {
      String text = Files.readString(source);
      int start = text.indexOf("// README:start\n");
      assertThat(start).as("a README:start marker in %s", source).isNotNegative();
      while (start >= 0) {
        int column = start - text.lastIndexOf('\n', start) - 1;
        int from = start + "// README:start\n".length();
        int end = text.indexOf("// README:end", from);
        String region = text.substring(from, text.lastIndexOf('\n', end) + 1);
        snippets.add(dedent(region, column));
        start = text.indexOf("// README:start\n", end);
      }
    }
    return snippets;
  }

  private static String dedent(String block, int column) {
    StringBuilder out = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      out.append(line.length() >= column && line.substring(0, column).isBlank()
          ? line.substring(column) : line.strip()).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
