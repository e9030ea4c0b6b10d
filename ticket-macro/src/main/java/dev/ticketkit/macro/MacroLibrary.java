package dev.ticketkit.macro;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Each tenant's macros, by id, kept in memory. A host loads them at start (from its own storage,
 * for example JSON files read with {@link MacroJson}) and replaces one when a team edits it; a
 * macro is a small value, so a library of a few hundred per tenant costs little. No tenant sees
 * another tenant's macros. Thread-safe: reads and writes may run concurrently, and a read sees a
 * macro whole, before or after a replacement.
 */
public final class MacroLibrary {

  private final Map<TenantId, Map<String, Macro>> tenants = new ConcurrentHashMap<>();

  private MacroLibrary() {}

  /**
   * Returns an empty library.
   *
   * @return the library
   */
  public static MacroLibrary create() {
    return new MacroLibrary();
  }

  /**
   * Adds a macro to a tenant's library, or replaces the one with the same id.
   *
   * @param tenant the tenant
   * @param macro the macro
   * @return the macro it replaced, if any
   * @throws NullPointerException if an argument is null
   */
  public Optional<Macro> put(TenantId tenant, Macro macro) {
    notNull("macro", macro);
    return Optional.ofNullable(tenants.computeIfAbsent(notNull("tenant", tenant),
        t -> new ConcurrentSkipListMap<>()).put(macro.id(), macro));
  }

  /**
   * Removes a macro from a tenant's library.
   *
   * @param tenant the tenant
   * @param id the macro's id
   * @return the macro removed, if there was one
   * @throws NullPointerException if an argument is null
   */
  public Optional<Macro> remove(TenantId tenant, String id) {
    Map<String, Macro> macros = tenants.get(notNull("tenant", tenant));
    return macros == null ? Optional.empty() : Optional.ofNullable(macros.remove(notNull("id", id)));
  }

  /**
   * Returns a tenant's macro.
   *
   * @param tenant the tenant
   * @param id the macro's id
   * @return the macro, or empty if the tenant has none with that id
   * @throws NullPointerException if an argument is null
   */
  public Optional<Macro> find(TenantId tenant, String id) {
    Map<String, Macro> macros = tenants.get(notNull("tenant", tenant));
    return macros == null ? Optional.empty() : Optional.ofNullable(macros.get(notNull("id", id)));
  }

  /**
   * Returns a tenant's macros.
   *
   * @param tenant the tenant
   * @return the macros, in id order
   * @throws NullPointerException if the tenant is null
   */
  public List<Macro> list(TenantId tenant) {
    Map<String, Macro> macros = tenants.get(notNull("tenant", tenant));
    return macros == null ? List.of() : List.copyOf(macros.values());
  }

  private static <T> T notNull(String field, @Nullable T value) {
    return Objects.requireNonNull(value, field);
  }
}
