package dev.ticketkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public surface of ticket-core: exactly the API packages hold public types (and the internal
 * bridge package, which is not API), the implementation classes behind the service, the codec and
 * the JSON reader stay package-private, and the back doors on the snapshot stay shut.
 */
class PublicApiTest {

  private static final Set<String> API_PACKAGES = Set.of("dev.ticketkit.core",
      "dev.ticketkit.core.event", "dev.ticketkit.core.outbox", "dev.ticketkit.core.privacy",
      "dev.ticketkit.core.routing", "dev.ticketkit.core.store",
      "dev.ticketkit.core.workflow");

  private static final String INTERNAL = "dev.ticketkit.core.internal";

  private static final List<String> IMPLEMENTATION = List.of(
      "dev.ticketkit.core.TicketBuilder", "dev.ticketkit.core.FieldForms",
      "dev.ticketkit.core.ValueJson",
      "dev.ticketkit.core.AutoClose", "dev.ticketkit.core.Draft", "dev.ticketkit.core.Enums",
      "dev.ticketkit.core.EventDerivation", "dev.ticketkit.core.FieldCodec",
      "dev.ticketkit.core.Followers", "dev.ticketkit.core.Intake", "dev.ticketkit.core.Listeners",
      "dev.ticketkit.core.Once", "dev.ticketkit.core.store.InMemoryOutbox",
      "dev.ticketkit.core.Operations", "dev.ticketkit.core.ReplayDecoder",
      "dev.ticketkit.core.TicketChecks", "dev.ticketkit.core.Texts",
      "dev.ticketkit.core.store.ChangeSetChecks", "dev.ticketkit.core.workflow.TransitionCheck",
      "dev.ticketkit.core.workflow.WorkflowJsonReader", "dev.ticketkit.core.Routes",
      "dev.ticketkit.core.routing.BuiltInRouters", "dev.ticketkit.core.routing.SkillsRouter");

  @Test
  void onlyTheApiPackagesHoldPublicTypes() throws Exception {
    Set<String> packages = new TreeSet<>();
    for (Class<?> type : mainClasses()) {
      if (Modifier.isPublic(type.getModifiers())) {
        packages.add(type.getPackageName());
      }
    }
    packages.remove(INTERNAL);
    assertThat(packages).containsExactlyInAnyOrderElementsOf(API_PACKAGES);
  }

  @Test
  void theInternalPackageHoldsOnlyTheBridgeAndTheSetOnceCheck() throws Exception {
    List<String> internal = mainClasses().stream()
        .filter(c -> c.getPackageName().equals(INTERNAL) && !c.isMemberClass())
        .map(Class::getSimpleName).sorted().toList();
    assertThat(internal).containsExactly("CoreAccess", "SetOnce");
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws Exception {
    for (Class<?> type : mainClasses()) {
      if (!Modifier.isPublic(type.getModifiers()) || type.getPackageName().equals(INTERNAL)) {
        continue;
      }
      for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())) {
          assertThat(m.getReturnType().getPackageName()).as(m.toString()).isNotEqualTo(INTERNAL);
          for (Class<?> p : m.getParameterTypes()) {
            assertThat(p.getPackageName()).as(m.toString()).isNotEqualTo(INTERNAL);
          }
        }
      }
    }
  }

  @Test
  void theSnapshotHasNoBackDoors() {
    assertThat(java.util.Arrays.stream(dev.ticketkit.core.store.ChangeSet.class
        .getDeclaredConstructors()).filter(c -> !Modifier.isPrivate(c.getModifiers())))
        .as("ChangeSet constructors").allMatch(c -> !Modifier.isPublic(c.getModifiers())
            && !Modifier.isProtected(c.getModifiers()));
    assertThat(Modifier.isPublic(TicketBuilder.class.getModifiers())).isFalse();
    assertThat(java.util.Arrays.stream(Ticket.class.getMethods()).map(m -> m.getName()))
        .doesNotContain("builder", "toBuilder", "withVersion", "withPriority", "withAssignee");
    assertThat(java.util.Arrays.stream(Ticket.class.getConstructors())).isEmpty();
  }

  @Test
  void implementationClassesArePackagePrivate() throws Exception {
    for (String name : IMPLEMENTATION) {
      Class<?> type = Class.forName(name);
      assertThat(Modifier.isPublic(type.getModifiers())).as(name).isFalse();
    }
  }

  @Test
  void everyPublicTypeIsFinalAnInterfaceARecordAnEnumOrAnException() throws Exception {
    for (Class<?> type : mainClasses()) {
      if (Modifier.isPublic(type.getModifiers()) && !type.isMemberClass()) {
        boolean closed = type.isInterface() || type.isRecord() || type.isEnum()
            || Modifier.isFinal(type.getModifiers())
            || Throwable.class.isAssignableFrom(type);
        assertThat(closed).as(type.getName()).isTrue();
      }
    }
  }

  private static List<Class<?>> mainClasses() throws IOException, URISyntaxException {
    Path root = Path.of(Ticket.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
