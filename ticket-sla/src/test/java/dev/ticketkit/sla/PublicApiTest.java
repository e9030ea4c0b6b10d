package dev.ticketkit.sla;

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
 * The public surface of ticket-sla: the exported packages (those with public types, less
 * {@code dev.ticketkit.sla.internal}, which the module's {@code Automatic-Module-Name} jar carries
 * but the documentation does not export) are exactly the six API packages, their public
 * signatures never name an internal type, and the implementation classes stay package-private.
 */
class PublicApiTest {

  private static final String INTERNAL = "dev.ticketkit.sla.internal";

  private static final Set<String> EXPORTED = Set.of("dev.ticketkit.sla",
      "dev.ticketkit.sla.calendar", "dev.ticketkit.sla.clock", "dev.ticketkit.sla.escalation",
      "dev.ticketkit.sla.policy", "dev.ticketkit.sla.store", "dev.ticketkit.sla.whatif");

  private static final List<String> IMPLEMENTATION = List.of(
      "dev.ticketkit.sla.clock.ClockChecks", "dev.ticketkit.sla.escalation.LoggingNotifier",
      "dev.ticketkit.sla.policy.ActionJson", "dev.ticketkit.sla.policy.JsonAt",
      "dev.ticketkit.sla.policy.PolicyJson", "dev.ticketkit.sla.internal.Retargeting",
      "dev.ticketkit.sla.internal.SlaWorkCause", "dev.ticketkit.sla.whatif.HistoryChanges");

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
  void noExportedSignatureNamesAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : mainClasses()) {
      if (Modifier.isPublic(type.getModifiers()) && EXPORTED.contains(type.getPackageName())) {
        leaks.addAll(internalTypesIn(type));
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void implementationClassesArePackagePrivate() throws Exception {
    for (String name : IMPLEMENTATION) {
      Class<?> type = Class.forName(name);
      assertThat(Modifier.isPublic(type.getModifiers())).as(name).isFalse();
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

  private static List<String> internalTypesIn(Class<?> type) {
    List<String> out = new ArrayList<>();
    List<Executable> members = new ArrayList<>(List.of(type.getMethods()));
    members.addAll(List.<Constructor<?>>of(type.getConstructors()));
    for (Executable m : members) {
      List<Class<?>> named = new ArrayList<>(List.of(m.getParameterTypes()));
      if (m instanceof Method method) {
        named.add(method.getReturnType());
      }
      named.stream().filter(PublicApiTest::isInternal).forEach(c -> out.add(m + " -> " + c));
    }
    for (Field f : type.getFields()) {
      if (isInternal(f.getType())) {
        out.add(f + " -> " + f.getType());
      }
    }
    return out;
  }

  private static boolean isInternal(Class<?> c) {
    return c.getPackageName().equals(INTERNAL);
  }

  private static List<Class<?>> mainClasses() throws IOException, URISyntaxException {
    Path root = Path.of(SlaEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".class"))
          .map(p -> root.relativize(p).toString().replace('/', '.').replace(".class", ""))
          .filter(n -> !n.endsWith("package-info"))
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
