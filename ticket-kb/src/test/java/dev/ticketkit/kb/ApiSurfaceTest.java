package dev.ticketkit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * The public surface: which packages hold public types, and that no public signature outside
 * {@code internal} exposes an internal or a Lucene type.
 */
class ApiSurfaceTest {

  private static List<Class<?>> mainClasses() throws IOException, URISyntaxException {
    Path root = Path.of(KnowledgeBase.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (!name.endsWith("package-info")) {
          try {
            classes.add(Class.forName(name));
          } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
    return classes;
  }

  @Test
  void publicTypesLiveInTheDocumentedPackages() throws Exception {
    Set<String> packages = new TreeSet<>();
    mainClasses().stream().filter(c -> Modifier.isPublic(c.getModifiers()))
        .forEach(c -> packages.add(c.getPackageName()));
    assertThat(packages).containsExactly("dev.ticketkit.kb", "dev.ticketkit.kb.internal",
        "dev.ticketkit.kb.search", "dev.ticketkit.kb.store", "dev.ticketkit.kb.ticket");
  }

  @Test
  void noPublicSignatureExposesInternalOrLuceneTypes() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : mainClasses()) {
      if (!Modifier.isPublic(type.getModifiers()) || type.getPackageName().endsWith(".internal")) {
        continue;
      }
      for (Method method : type.getMethods()) {
        List<Class<?>> used = new ArrayList<>(List.of(method.getParameterTypes()));
        used.add(method.getReturnType());
        used.stream().filter(u -> u.getName().startsWith("dev.ticketkit.kb.internal")
                || u.getName().startsWith("org.apache.lucene"))
            .forEach(u -> leaks.add(type.getSimpleName() + "." + method.getName() + " uses " + u));
      }
    }
    assertThat(leaks).isEmpty();
  }
}
