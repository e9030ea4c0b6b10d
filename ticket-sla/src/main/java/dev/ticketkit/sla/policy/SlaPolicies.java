package dev.ticketkit.sla.policy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered list of SLA policies: a ticket takes the first policy whose condition it meets, and
 * is matched again whenever one of its attributes changes.
 *
 * <p>The JSON form, read by {@link #fromJson(String, SlaCalendars)}:
 *
 * <pre>{@code
 * {
 *   "customerTierField": "customer_tier",            // optional; the custom field of the tier
 *   "policies": [{
 *     "id": "vip",
 *     "when": { "priority": ["URGENT", "HIGH"], "channel": ["PHONE"], "category": ["billing"],
 *               "tenant": ["acme"], "customerTier": ["gold"],
 *               "tagsAny": ["vip"], "tagsAll": [], "tagsNone": ["spam"] },   // optional
 *     "calendar": "cn-mainland",                     // targets count on it unless a rule says
 *     "targets": {
 *       "FIRST_RESPONSE": {
 *         "*": [ { "if": { "workingDay": true }, "within": "15m" },
 *                { "within": "1h", "calendar": "24x7" } ] },
 *       "RESOLUTION": { "URGENT": "4h", "HIGH": "PT7H30M", "*": { "within": "3d", "calendar": "24x7" } }
 *     },
 *     "escalations": {
 *       "RESOLUTION": { "*": [
 *         { "at": "50%", "actions": [ { "notify": "assignee" } ] },
 *         { "at": "80%", "actions": [ { "notify": "tier-lead" } ] },
 *         { "at": "breach", "actions": [ { "tag": "sla-breached" }, { "raisePriority": "HIGH" } ] },
 *         { "at": "breach+1h", "actions": [ { "reassign": { "tier": 2 } }, { "callback": "page" } ] } ] }
 *     },
 *     "events": [ { "on": "URGENT_FLAGGED", "actions": [ { "notify": "tier-lead" } ] } ],
 *     "handoffs": { "calendars": { "technical": "24x7" }, "reminders": 8,      // optional, see
 *                   "notify": ["assignee"] }                                  // HandoffPolicy
 *   }]
 * }
 * }</pre>
 *
 * <p>Metrics are {@link dev.ticketkit.sla.clock.SlaMetric} names; priority keys are priority names
 * or {@code "*"} for the others. A target is a duration, a rule object, or a list of rules tried
 * in order: the first whose {@code if} holds at the clock's start wins. An {@code if} may give
 * {@code calendar}, {@code workingDay}, {@code workingTime} (booleans), {@code days} (weekday
 * names) and {@code time} ({@code "HH:mm-HH:mm"}, local to the calendar). Durations are ISO-8601
 * ({@code PT15M}) or short ({@code 15m}, {@code 2h}, {@code 3d} = 72 hours). Ladder levels are
 * numbered 1, 2, 3... in trigger order (shares, then breach offsets). Actions are objects with one
 * key: {@code notify}, {@code reassign} ({@code tier}, {@code nextTier} or {@code group}),
 * {@code raisePriority}, {@code tag}, {@code callback}. Unknown fields are rejected.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SlaPolicies {

  /** The custom field read as the customer tier unless the document names another. */
  public static final String DEFAULT_CUSTOMER_TIER_FIELD = "customer_tier";

  private final List<SlaPolicy> policies;
  private final Map<String, SlaPolicy> byId = new LinkedHashMap<>();
  private final String customerTierField;
  private final SlaCalendars calendars;

  /**
   * Creates a policy list.
   *
   * @param policies the policies in matching order
   * @param customerTierField the custom field holding the customer tier
   * @param calendars the calendars the policies name
   * @throws InvalidInputException if two policies share an id or a calendar a policy or target
   *     rule names is missing
   */
  public SlaPolicies(List<SlaPolicy> policies, String customerTierField, SlaCalendars calendars) {
    this.policies = List.copyOf(policies);
    this.customerTierField = Objects.requireNonNull(customerTierField, "customerTierField");
    this.calendars = Objects.requireNonNull(calendars, "calendars");
    for (SlaPolicy p : this.policies) {
      if (byId.putIfAbsent(p.id(), p) != null) {
        throw new InvalidInputException("policies.id", p.id(), "is given twice");
      }
      calendars.get(p.calendarId());
      p.targets().values().forEach(b -> checkCalendars(b, calendars));
    }
  }

  private static void checkCalendars(ByPriority<List<TargetRule>> rules, SlaCalendars calendars) {
    java.util.stream.Stream.concat(rules.specific().values().stream(),
            java.util.stream.Stream.ofNullable(rules.fallback()))
        .flatMap(List::stream)
        .forEach(r -> {
          if (r.calendarId() != null) {
            calendars.get(r.calendarId());
          }
          if (r.when() != null && r.when().calendarId() != null) {
            calendars.get(r.when().calendarId());
          }
        });
  }

  /**
   * Reads policies from their JSON form (see the class comment).
   *
   * @param json the JSON text
   * @param calendars the calendars the policies may name
   * @return the policies
   * @throws PolicyFormatException if the text is not a valid policy document; the exception's
   *     field is the JSON path and its value the bad JSON value. No other exception escapes for
   *     bad content.
   */
  public static SlaPolicies fromJson(String json, SlaCalendars calendars) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(calendars, "calendars");
    return PolicyJson.read(json, calendars);
  }

  /**
   * Reads policies from a UTF-8 stream of their JSON form.
   *
   * @param json the stream, read to its end and not closed
   * @param calendars the calendars the policies may name
   * @return the policies
   * @throws PolicyFormatException if the content is not a valid policy document
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static SlaPolicies fromJson(InputStream json, SlaCalendars calendars) {
    try {
      return fromJson(new String(json.readAllBytes(), StandardCharsets.UTF_8), calendars);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the support process's standard policy on {@link SlaCalendars#standard()}: acceptance
   * within 2 working hours; first response within 15 working minutes when the ticket arrives on
   * a working day, else within 1 hour round the clock; next response within 4 working hours;
   * an update at least every 84 hours (twice a week); resolution by priority; a ladder at 50%,
   * 80%, breach and breach+1h; urgent tickets notify the tier lead; a dissatisfied rating goes
   * one tier up and notifies the tier lead, and one for POOR_COMMUNICATION also notifies the
   * {@code team-lead}. The document is the resource {@code standard-policies.json} next to this class.
   *
   * @return the policies
   */
  public static SlaPolicies standard() {
    try (InputStream in = SlaPolicies.class.getResourceAsStream("standard-policies.json")) {
      if (in == null) {
        throw new IllegalStateException("missing resource standard-policies.json");
      }
      return fromJson(in, SlaCalendars.standard());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the first policy whose condition the ticket meets.
   *
   * @param ticket the ticket
   * @return the policy, or empty if none matches
   */
  public Optional<SlaPolicy> match(Ticket ticket) {
    Objects.requireNonNull(ticket, "ticket");
    for (SlaPolicy p : policies) {
      if (p.when().matches(ticket, customerTierField)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns a policy by id.
   *
   * @param id the id
   * @return the policy, or empty
   */
  public Optional<SlaPolicy> byId(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * Returns the policies in matching order.
   *
   * @return the policies
   */
  public List<SlaPolicy> policies() {
    return policies;
  }

  /**
   * Returns the custom field read as the customer tier.
   *
   * @return the field key
   */
  public String customerTierField() {
    return customerTierField;
  }

  /**
   * Returns the calendars the policies name.
   *
   * @return the calendars
   */
  public SlaCalendars calendars() {
    return calendars;
  }
}
