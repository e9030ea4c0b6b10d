package dev.ticketkit.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The calendar package stands alone: it imports only the JDK, Jackson and JSpecify's annotations. */
class CalendarPackageTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/ticketkit/sla/calendar");

  @Test
  void importsOnlyTheJdkJacksonAndJspecify() throws IOException {
    List<String> imports;
    try (Stream<Path> files = Files.list(SOURCES)) {
      imports = files.filter(f -> f.toString().endsWith(".java")).flatMap(CalendarPackageTest::lines)
          .filter(line -> line.startsWith("import ")).distinct().toList();
    }
    assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(line).matches(
        "import (static )?(java\\.|com\\.fasterxml\\.jackson\\.|org\\.jspecify\\.annotations\\.).*"));
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
