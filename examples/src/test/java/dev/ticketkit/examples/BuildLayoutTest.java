package dev.ticketkit.examples;

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
 * What a host relies on in the build: the BOM lists every published module at the reactor's
 * version, and no module depends on another module's test-jar (a newcomer's build could not
 * resolve it without an install).
 */
class BuildLayoutTest {

  private static final Path ROOT = Path.of("..");
  private static final List<String> NOT_PUBLISHED = List.of("examples", "benchmarks", "ticket-bom");

  @Test
  void theBomNamesEveryPublishedModuleAtTheReactorVersion() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("ticket-bom/pom.xml"));
    String version = first(parent, "<version>([^<]+)</version>");

    assertThat(first(bom, "<artifactId>ticket-bom</artifactId>\\s*<version>([^<]+)</version>"))
        .isEqualTo(version);
    List<String> published = new ArrayList<>(all(parent, "<module>([^<]+)</module>"));
    published.removeAll(NOT_PUBLISHED);
    assertThat(published).isNotEmpty();
    for (String module : published) {
      assertThat(bom).as(module).contains("<artifactId>" + module + "</artifactId>");
    }
  }

  @Test
  void noModuleDependsOnATestJar() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    assertThat(parent).doesNotContain("test-jar");
    for (String module : all(parent, "<module>([^<]+)</module>")) {
      assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml")))
          .as(module).doesNotContain("test-jar");
    }
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }

  private static List<String> all(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
