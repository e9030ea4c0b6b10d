package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.store.KbStorageException;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.SlaStoreException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The public surface of {@code dev.ticketkit.jdbc}: no JDBC, jOOQ or Flyway type appears in it,
 * failures of the database arrive as each SPI's own exception, and the builder checks its input.
 */
class PublicApiTest {

  private static final List<Class<?>> PUBLIC = List.of(JdbcTicketKit.class,
      JdbcTicketKitBuilder.class, TicketKitSchema.class, DatabaseKind.class,
      StorageException.class);

  @Test
  void noDriverOrJooqTypeInAnyPublicSignature() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : PUBLIC) {
      List<Executable> members = new ArrayList<>(List.of(type.getMethods()));
      members.addAll(List.of(type.getConstructors()));
      for (Executable m : members) {
        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
        if (m instanceof Method method) {
          types.add(method.getGenericReturnType());
        }
        types.addAll(List.of(m.getGenericExceptionTypes()));
        for (Type t : types) {
          String name = t.getTypeName();
          if (name.startsWith("org.jooq") || name.startsWith("java.sql")
              || name.startsWith("org.flywaydb") || name.contains("jdbc.internal")) {
            leaks.add(type.getSimpleName() + "." + m.getName() + ": " + name);
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void onlyTheDocumentedTypesArePublic() throws Exception {
    for (String name : List.of("JdbcTicketStore", "JdbcArticleStore", "JdbcSlaStore",
        "SlaClaims", "TicketWrites", "ArticleFeedback", "JdbcTransaction")) {
      Class<?> type = Class.forName("dev.ticketkit.jdbc." + name);
      assertThat(Modifier.isPublic(type.getModifiers())).as(name).isFalse();
    }
    for (Class<?> type : PUBLIC) {
      for (Constructor<?> c : type.getConstructors()) {
        assertThat(type).as("public constructor " + c).isIn(StorageException.class);
      }
    }
  }

  @Test
  void aDatabaseThatIsGoneFailsWithEachStoresOwnException() {
    JdbcDataSource gone = new JdbcDataSource();
    gone.setURL("jdbc:h2:mem:gone-" + UUID.randomUUID() + ";IFEXISTS=TRUE");
    JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(gone).kind(DatabaseKind.H2)
        .migrate(false).build();
    TenantId tenant = TenantId.of("t");
    TicketId ticket = TicketId.of(UUID.randomUUID());

    assertThatThrownBy(() -> kit.ticketStore().get(tenant, ticket))
        .isInstanceOf(StorageException.class).hasMessageContaining("read ticket");
    assertThatThrownBy(() -> kit.articleStore().find(tenant, ArticleId.random()))
        .isInstanceOf(KbStorageException.class).hasMessageContaining("read article");
    assertThatThrownBy(() -> kit.slaStore().clock(
        ClockKey.of(tenant, ticket, SlaMetric.RESOLUTION, 1)))
        .isInstanceOf(SlaStoreException.class);
    assertThatThrownBy(() -> kit.outboxRelay(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
        .pendingCount()).isInstanceOf(StorageException.class);
  }

  @Test
  void theBuilderChecksItsInput() {
    assertThatThrownBy(() -> JdbcTicketKit.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("data source");
    JdbcDataSource ds = new JdbcDataSource();
    assertThatThrownBy(() -> JdbcTicketKit.builder().dataSource(ds).dataSource(ds))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
    assertThatThrownBy(() -> JdbcTicketKit.builder().migrate(true).migrate(false))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JdbcTicketKit.builder().dataSource(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theEntryPointMigratesAndHandsOutWorkingStores() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:entry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcTicketKit kit = JdbcTicketKit.create(ds);

    assertThat(kit.kind()).isEqualTo(DatabaseKind.H2);
    assertThat(kit.ticketStore().outbox().pendingCount()).isZero();
    assertThat(TicketKitSchema.migrate(ds)).isZero();
  }
}
