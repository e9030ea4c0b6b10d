package dev.ticketkit.macro;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketChanges;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketNotFoundException;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.TicketStateException;
import dev.ticketkit.core.workflow.IllegalTransitionException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Applies macros from a {@link MacroLibrary} to tickets: renders the reply and writes it with the
 * macro's field changes as one versioned write.
 *
 * <p>{@link #apply} reads the ticket, checks the version the caller read, chooses the template
 * for the requested locale ({@link Macro#replyLocale}), and gives each variable the template uses
 * its value: {@code requesterName} and {@code ticketNumber} from the ticket; {@code dueTime} from
 * the due-time source, formatted in the tenant's zone and the template's locale
 * ({@link FormatStyle#MEDIUM} date, {@link FormatStyle#SHORT} time: {@code 2026年3月10日 下午6:00} in
 * zh-CN, {@code Mar 10, 2026, 6:00 PM} in en); {@code agentName} from the agent-name source. A
 * variable without a value throws {@link MissingVariableException} before anything is written.
 * Then one {@link TicketChanges} goes through {@link TicketService#apply}: the macro's cause
 * ({@link MacroApplied}, the history's first entry of the change: {@code macro <id> (<locale>)}),
 * the priority, the category, the tags added and removed, the public reply (on the channel the
 * ticket came in on), and last the transition, each step with the service's usual checks; one refused step refuses
 * all of them and nothing is written.
 *
 * <p>Due time: this module does not depend on ticket-sla. A host that runs the SLA engine wires
 * the source to the ticket's current clock of the metric its replies promise, for example the
 * resolution target:
 *
 * <pre>{@code
 * Macros.builder()...
 *     .dueTimes(ticket -> sla.currentClock(ticket.tenant(), ticket.id(), SlaMetric.RESOLUTION)
 *         .filter(SlaClock::isRunning).map(SlaClock::dueAt))
 * }</pre>
 *
 * <p>({@code SlaEngine.currentClock}, {@code SlaMetric} and {@code SlaClock} of ticket-sla; a
 * paused or stopped clock has no due time, so the variable is missing then.) A host without SLA
 * may read a custom field, or give none, and then a template with {@code {{dueTime}}} cannot be
 * applied.
 *
 * <p>Build with {@link #builder()}. Instances are thread-safe if the service, the library and the
 * sources are.
 */
public final class Macros {

  private final TicketService service;
  private final MacroLibrary library;
  private final Function<TenantId, ZoneId> zones;
  private final Function<Ticket, Optional<Instant>> dueTimes;
  private final Function<AgentId, Optional<String>> agentNames;

  private Macros(Builder b) {
    service = b.need("service", b.service);
    library = b.need("library", b.library);
    zones = b.need("tenantZones", b.zones);
    dueTimes = b.dueTimes;
    agentNames = b.agentNames;
  }

  /**
   * Returns a builder; the service, the library and the tenants' zones are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the library macros are taken from */
  public MacroLibrary library() {
    return library;
  }

  /**
   * Applies a macro to a ticket as one versioned write: the rendered public reply and the
   * macro's field changes.
   *
   * @param tenant the tenant
   * @param actor who applies it: an agent, or the system (which has no {@code agentName})
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param macroId the macro's id in the tenant's library
   * @param locale the locale the reply should be in; the macro's closest template is used
   * @return the ticket after the change
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the tenant has no such macro, the actor is a requester, or a step's input is refused (too many tags)
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale; nothing is written
   * @throws MissingVariableException if the template needs a variable without a value; nothing
   *     is written
   * @throws TicketStateException if a step may not be made in the ticket's state (closed)
   * @throws IllegalTransitionException if the macro's transition may not fire now; nothing is
   *     written
   */
  public Ticket apply(TenantId tenant, Actor actor, TicketId id, long expectedVersion,
      String macroId, Locale locale) {
    notNull("actor", actor);
    notNull("id", id);
    notNull("locale", locale);
    Macro macro = macro(tenant, macroId);
    Ticket ticket = service.require(tenant, id);
    if (ticket.version() != expectedVersion) {
      throw new TicketConflictException(tenant, id, expectedVersion, ticket.version());
    }
    Locale chosen = macro.replyLocale(locale);
    String body = render(macro, chosen, ticket, actor);
    return service.apply(tenant, actor, id, expectedVersion, changes(macro, chosen, ticket, body));
  }

  /**
   * Renders a macro's reply for a ticket without writing anything, for an agent to preview.
   *
   * @param tenant the tenant
   * @param actor who would apply it
   * @param id the ticket
   * @param macroId the macro's id
   * @param locale the locale the reply should be in
   * @return the reply text
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the tenant has no such macro
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws MissingVariableException if the template needs a variable without a value
   */
  public String preview(TenantId tenant, Actor actor, TicketId id, String macroId,
      Locale locale) {
    notNull("actor", actor);
    notNull("id", id);
    notNull("locale", locale);
    Macro macro = macro(tenant, macroId);
    Ticket ticket = service.require(tenant, id);
    return render(macro, macro.replyLocale(locale), ticket, actor);
  }

  private Macro macro(TenantId tenant, String macroId) {
    return library.find(notNull("tenant", tenant), notNull("macroId", macroId))
        .orElseThrow(() -> new InvalidInputException("macroId", macroId,
            "is not a macro of tenant " + tenant));
  }

  private String render(Macro macro, Locale locale, Ticket ticket, Actor actor) {
    if (actor.kind() == ActorKind.REQUESTER) {
      throw new InvalidInputException("actor", actor, "may not apply a macro; agents and the"
          + " system may");
    }
    Map<MacroVariable, String> values = new EnumMap<>(MacroVariable.class);
    for (MacroVariable v : macro.variables(locale)) {
      values.put(v, value(v, macro, locale, ticket, actor));
    }
    return macro.template(locale).render(values);
  }

  private String value(MacroVariable v, Macro macro, Locale locale, Ticket ticket, Actor actor) {
    switch (v) {
      case REQUESTER_NAME:
        return ticket.requester().displayName();
      case TICKET_NUMBER:
        return Long.toString(ticket.number());
      case DUE_TIME:
        Instant due = dueTimes.apply(ticket).orElseThrow(() -> new MissingVariableException(v,
            macro.id(), ticket.id(), locale, "the due-time source has no due time for it"));
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale).withZone(zones.apply(ticket.tenant())).format(due);
      default:
        if (actor.kind() != ActorKind.AGENT) {
          throw new MissingVariableException(v, macro.id(), ticket.id(), locale,
              "the actor " + actor + " is not an agent");
        }
        return agentNames.apply(actor.asAgent()).orElseThrow(() -> new MissingVariableException(
            v, macro.id(), ticket.id(), locale, "the agent-name source has no name for " + actor));
    }
  }

  private static TicketChanges changes(Macro macro, Locale locale, Ticket ticket, String body) {
    TicketChanges.Builder b = TicketChanges.builder()
        .cause(new MacroApplied(macro.id(), locale));
    macro.priority().ifPresent(b::priority);
    macro.category().ifPresent(b::category);
    macro.addTags().forEach(b::tag);
    macro.removeTags().forEach(b::untag);
    b.reply(Message.of(ticket.channel(), body));
    macro.transition().ifPresent(b::fire);
    return b.build();
  }

  private static <T> T notNull(String field, @Nullable T value) {
    return Objects.requireNonNull(value, field);
  }

  /** Builds {@link Macros}. Each setter rejects null and a second call. Not thread-safe. */
  public static final class Builder {

    private @Nullable TicketService service;
    private @Nullable MacroLibrary library;
    private @Nullable Function<TenantId, ZoneId> zones;
    private Function<Ticket, Optional<Instant>> dueTimes = t -> Optional.empty();
    private Function<AgentId, Optional<String>> agentNames = a -> Optional.of(a.value());
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    /**
     * Sets the service the macros write through.
     *
     * @param value the service
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalStateException if already set
     */
    public Builder service(TicketService value) {
      service = once("service", value);
      return this;
    }

    /**
     * Sets the library macros are taken from.
     *
     * @param value the library
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalStateException if already set
     */
    public Builder library(MacroLibrary value) {
      library = once("library", value);
      return this;
    }

    /**
     * Sets each tenant's time zone, in which {@code dueTime} is shown.
     *
     * @param value the zone of a tenant
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalStateException if already set
     */
    public Builder tenantZones(Function<TenantId, ZoneId> value) {
      zones = once("tenantZones", value);
      return this;
    }

    /**
     * Sets where {@code dueTime} comes from (default: nowhere, so a template that uses it cannot
     * be applied). See {@link Macros} for wiring it to the SLA engine.
     *
     * @param value the ticket's due time, or empty if it has none
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalStateException if already set
     */
    public Builder dueTimes(Function<Ticket, Optional<Instant>> value) {
      dueTimes = once("dueTimes", value);
      return this;
    }

    /**
     * Sets where {@code agentName} comes from (default: the agent's id).
     *
     * @param value an agent's display name, or empty if it has none
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalStateException if already set
     */
    public Builder agentNames(Function<AgentId, Optional<String>> value) {
      agentNames = once("agentNames", value);
      return this;
    }

    /**
     * Returns the macros.
     *
     * @return the macros
     * @throws IllegalStateException if the service, the library or the zones are not set
     */
    public Macros build() {
      return new Macros(this);
    }

    private <T> T once(String name, @Nullable T value) {
      notNull(name, value);
      if (!set.add(name)) {
        throw new IllegalStateException(name + " is already set");
      }
      return value;
    }

    private <T> T need(String name, @Nullable T value) {
      if (value == null) {
        throw new IllegalStateException(name + " must be set");
      }
      return value;
    }
  }
}
