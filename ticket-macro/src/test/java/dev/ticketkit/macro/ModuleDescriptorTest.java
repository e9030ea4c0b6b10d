package dev.ticketkit.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module descriptor, as Caffeine checks its own: the module exports exactly its API
 * packages, every package of the jar that is not an {@code internal} one, and nothing else to
 * everyone. It reads {@code src/main/module/module-info.java}, which the build compiles into
 * the jar at {@code package} (javac then checks each export against the classes).
 */
class ModuleDescriptorTest {

  private static final String NAME = "dev.ticketkit.macro";
  private static final Set<String> API = Set.of("dev.ticketkit.macro");

  @Test
  void exportsTheApiPackagesAndNoInternalOne() throws IOException {
    String source = Files.readString(Path.of("src/main/module/module-info.java"));
    Matcher name = Pattern.compile("(?m)^module ([\\w.]+) \\{").matcher(source);
    assertThat(name.find()).isTrue();
    assertThat(name.group(1)).isEqualTo(NAME);
    Set<String> exported = new HashSet<>();
    Map<String, String> qualified = new HashMap<>();
    Matcher exports = Pattern.compile("(?m)^\\s*exports ([\\w.]+)(?: to ([\\w., ]+))?;")
        .matcher(source);
    while (exports.find()) {
      if (exports.group(2) == null) {
        exported.add(exports.group(1));
      } else {
        qualified.put(exports.group(1), exports.group(2).replace(" ", ""));
      }
    }
    assertThat(exported).containsExactlyInAnyOrderElementsOf(API);
    assertThat(qualified).isEqualTo(Map.of());
    assertThat(API).allSatisfy(p -> assertThat(p).doesNotContain("internal"));
    assertThat(classPackages(Path.of("target/classes")).stream()
        .filter(p -> !p.endsWith(".internal")))
        .as("every package of the jar but the internal ones is exported")
        .containsExactlyInAnyOrderElementsOf(API);
  }

  private static Set<String> classPackages(Path classes) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(f -> f.toString().endsWith(".class"))
          .filter(f -> !f.getFileName().toString().equals("module-info.class"))
          .filter(f -> !f.getFileName().toString().equals("package-info.class"))
          .map(f -> classes.relativize(f.getParent()).toString().replace(
              f.getFileSystem().getSeparator(), "."))
          .collect(Collectors.toSet());
    }
  }
}
