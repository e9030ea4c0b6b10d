package dev.ticketkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public surface of ticket-report: the exported packages are exactly the API packages, no
 * public signature names an internal, chart, template, CSV or knowledge-base type (the last only
 * in {@code .kb}), and every exported type is closed.
 */
class PublicApiTest {

  private static final String INTERNAL = "dev.ticketkit.report.internal";
  private static final Set<String> EXPORTED = Set.of("dev.ticketkit.report",
      "dev.ticketkit.report.source", "dev.ticketkit.report.render", "dev.ticketkit.report.spike",
      "dev.ticketkit.report.kb");
  private static final List<String> FORBIDDEN = List.of(INTERNAL, "org.jfree",
      "com.github.mustachejava", "org.apache.commons.csv", "com.fasterxml");

  @Test
  void theExportedPackagesAreExactlyTheApiPackages() throws Exception {
    Set<String> packages = new TreeSet<>();
    for (Class<?> type : mainClasses()) {
      if (Modifier.isPublic(type.getModifiers()) && !type.getPackageName().equals(INTERNAL)) {
        packages.add(type.getPackageName());
      }
    }
    assertThat(packages).containsExactlyInAnyOrderElementsOf(EXPORTED);
  }

  @Test
  void noExportedSignatureNamesAnImplementationOrOptionalLibraryType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : mainClasses()) {
      if (Modifier.isPublic(type.getModifiers()) && EXPORTED.contains(type.getPackageName())) {
        leaks.addAll(forbiddenIn(type));
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void onlyTheKbPackageNamesKnowledgeBaseTypes() throws Exception {
    for (Class<?> type : mainClasses()) {
      if (!type.getPackageName().equals("dev.ticketkit.report.kb")) {
        for (Method m : type.getDeclaredMethods()) {
          assertThat(m.getReturnType().getPackageName()).as(m.toString())
              .doesNotStartWith("dev.ticketkit.kb");
          for (Class<?> p : m.getParameterTypes()) {
            assertThat(p.getPackageName()).as(m.toString()).doesNotStartWith("dev.ticketkit.kb");
          }
        }
      }
    }
  }

  @Test
  void everyExportedTypeIsFinalAnInterfaceARecordAnEnumOrAnException() throws Exception {
    for (Class<?> type : mainClasses()) {
      if (Modifier.isPublic(type.getModifiers()) && !type.isMemberClass()
          && EXPORTED.contains(type.getPackageName())) {
        boolean closed = type.isInterface() || type.isRecord() || type.isEnum()
            || Modifier.isFinal(type.getModifiers()) || Throwable.class.isAssignableFrom(type);
        assertThat(closed).as(type.getName()).isTrue();
      }
    }
  }

  private static List<String> forbiddenIn(Class<?> type) {
    List<String> out = new ArrayList<>();
    List<Executable> members = new ArrayList<>(List.of(type.getMethods()));
    members.addAll(List.<Constructor<?>>of(type.getConstructors()));
    for (Executable m : members) {
      List<Class<?>> named = new ArrayList<>(List.of(m.getParameterTypes()));
      if (m instanceof Method method) {
        named.add(method.getReturnType());
      }
      named.stream().filter(PublicApiTest::forbidden).forEach(c -> out.add(m + " -> " + c));
    }
    for (Field f : type.getFields()) {
      if (forbidden(f.getType())) {
        out.add(f + " -> " + f.getType());
      }
    }
    return out;
  }

  private static boolean forbidden(Class<?> c) {
    return FORBIDDEN.stream().anyMatch(c.getPackageName()::startsWith);
  }

  private static List<Class<?>> mainClasses() throws IOException, URISyntaxException {
    Path root = Path.of(ReportEngine.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".class"))
          .map(p -> root.relativize(p).toString().replace('/', '.').replace(".class", ""))
          .filter(n -> !n.endsWith("package-info") && !n.endsWith("module-info"))
          .map(PublicApiTest::load)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicApiTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name, e);
    }
  }
}
