package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL report source's public surface: no JDBC, jOOQ or internal type in it, no public
 * constructor, and its helpers are not public.
 */
class ReportPublicApiTest {

  @Test
  void noDriverOrJooqTypeInItsPublicSignatures() {
    List<String> leaks = new ArrayList<>();
    for (Method m : JdbcReportSource.class.getMethods()) {
      List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
      types.add(m.getGenericReturnType());
      for (Type t : types) {
        String name = t.getTypeName();
        if (name.startsWith("org.jooq") || name.startsWith("java.sql")
            || name.contains("jdbc.internal")) {
          leaks.add(m.getName() + ": " + name);
        }
      }
    }
    assertThat(leaks).isEmpty();
    assertThat(JdbcReportSource.class.getConstructors()).isEmpty();
  }

  @Test
  void itsHelpersAreNotPublic() throws Exception {
    for (String name : List.of("JdbcFactReader", "JdbcEpisodeClaims", "ReportSql",
        "ReportFactRows")) {
      Class<?> type = Class.forName("dev.ticketkit.jdbc." + name);
      assertThat(Modifier.isPublic(type.getModifiers())).as(name).isFalse();
    }
  }
}
