package dev.ticketkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The testkit's public packages, and no public signature names its internal package. */
class ApiSurfaceTest {

  private static final String INTERNAL = "dev.ticketkit.testkit.internal";

  @Test
  void publicPackagesAreTheDocumentedOnes() throws Exception {
    Set<String> packages = new TreeSet<>();
    for (Class<?> type : mainClasses()) {
      if (Modifier.isPublic(type.getModifiers()) && !type.getPackageName().equals(INTERNAL)) {
        packages.add(type.getPackageName());
      }
    }
    assertThat(packages).containsExactly("dev.ticketkit.testkit",
        "dev.ticketkit.testkit.contract", "dev.ticketkit.testkit.jqwik", "dev.ticketkit.testkit.kb",
        "dev.ticketkit.testkit.report", "dev.ticketkit.testkit.sla", "dev.ticketkit.testkit.story");
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : mainClasses()) {
      if (!Modifier.isPublic(type.getModifiers()) || type.getPackageName().equals(INTERNAL)) {
        continue;
      }
      List<Executable> members = new ArrayList<>(List.of(type.getMethods()));
      members.addAll(List.of(type.getConstructors()));
      for (Executable m : members) {
        List<Class<?>> named = new ArrayList<>(List.of(m.getParameterTypes()));
        if (m instanceof Method method) {
          named.add(method.getReturnType());
        }
        named.stream().filter(c -> c.getPackageName().equals(INTERNAL))
            .forEach(c -> leaks.add(m + " -> " + c));
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static List<Class<?>> mainClasses() throws Exception {
    Path root = Path.of(MutableClock.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    try (Stream<Path> files = Files.walk(root)) {
      List<Class<?>> out = new ArrayList<>();
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(p).toString().replace('/', '.').replace(".class", "");
        if (!name.endsWith("package-info")) {
          out.add(Class.forName(name, false, ApiSurfaceTest.class.getClassLoader()));
        }
      }
      return out;
    }
  }
}
