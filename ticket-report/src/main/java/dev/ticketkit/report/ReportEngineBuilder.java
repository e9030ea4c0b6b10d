package dev.ticketkit.report;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.report.internal.ReportSettings;
import dev.ticketkit.report.source.ReportSource;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link ReportEngine}. Required: the source, the clock, and the tenants (a
 * {@link TenantDirectory}, or tenants added one by one with {@link #tenant}). Defaults: backlog age
 * buckets at 1, 3, 7, 14 and 30 days; 10 frequent issues; 3 example tickets each; 10 rating
 * comments; no knowledge base; {@link SuggestionRules#defaults()}; the tags {@code sla-breached}
 * and {@code update-overdue} (markers the standard SLA policy sets) left out of frequent tags; a
 * follow-up cadence of 84 hours (the support process's "at least twice a week"). Each setter checks its value at
 * once and may be called once ({@link #tenant} many times, but not with a directory). Not
 * thread-safe.
 */
public final class ReportEngineBuilder {

  private @Nullable ReportSource source;
  private @Nullable Clock clock;
  private @Nullable TenantDirectory directory;
  private final Map<TenantId, ZoneId> zones = new LinkedHashMap<>();
  private @Nullable List<Duration> aging;
  private int topIssues;
  private int examples;
  private int comments = -1;
  private @Nullable KnowledgeSource knowledge;
  private @Nullable SuggestionRules rules;
  private @Nullable Set<String> ignoredTags;
  private @Nullable Duration followUpCadence;

  ReportEngineBuilder() {}

  /**
   * Sets where the facts come from.
   *
   * @param value the source
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder source(ReportSource value) {
    source = once(source, value, "source");
    return this;
  }

  /**
   * Sets the clock that decides the report's instant for a period not yet over.
   *
   * @param value the clock
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder clock(Clock value) {
    clock = once(clock, value, "clock");
    return this;
  }

  /**
   * Sets the directory of tenants and their zones.
   *
   * @param value the directory
   * @return this builder
   * @throws IllegalStateException if already set or tenants were added one by one
   */
  public ReportEngineBuilder tenants(TenantDirectory value) {
    if (!zones.isEmpty()) {
      throw new IllegalStateException("tenants were added one by one");
    }
    directory = once(directory, value, "tenants");
    return this;
  }

  /**
   * Adds a tenant and its report zone.
   *
   * @param tenant the tenant
   * @param zone its zone
   * @return this builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if a directory is set or the tenant was added already
   */
  public ReportEngineBuilder tenant(TenantId tenant, ZoneId zone) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(zone, "zone");
    if (tenant == null || zone == null) {
      throw new InvalidInputException("tenant", tenant + " " + zone, "tenant and zone required");
    }
    if (directory != null || zones.putIfAbsent(tenant, zone) != null) {
      throw new IllegalStateException("tenant " + tenant + " added twice or a directory is set");
    }
    return this;
  }

  /**
   * Sets the backlog age bucket bounds.
   *
   * @param bounds whole days, strictly ascending, positive, at least one
   * @return this builder
   * @throws InvalidInputException if a bound is not a positive whole number of days or not
   *     ascending
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder agingBuckets(List<Duration> bounds) {
    List<Duration> copy = new ArrayList<>(bounds);
    for (int i = 0; i < copy.size(); i++) {
      Duration d = copy.get(i);
      if (d.toDays() < 1 || !d.equals(Duration.ofDays(d.toDays()))
          || (i > 0 && d.compareTo(copy.get(i - 1)) <= 0)) {
        throw new InvalidInputException("agingBuckets[" + i + "]", d,
            "must be whole days, positive and ascending");
      }
    }
    if (copy.isEmpty()) {
      throw new InvalidInputException("agingBuckets", copy, "must not be empty");
    }
    aging = once(aging, copy, "agingBuckets");
    return this;
  }

  /**
   * Sets how many frequent categories, tags, FAQ candidates and articles a report shows.
   *
   * @param value 1 to 100
   * @return this builder
   * @throws InvalidInputException if out of range
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder topIssues(int value) {
    topIssues = range("topIssues", topIssues, value, 1, 100);
    return this;
  }

  /**
   * Sets how many example tickets each frequent issue shows.
   *
   * @param value 1 to 20
   * @return this builder
   * @throws InvalidInputException if out of range
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder examples(int value) {
    examples = range("examples", examples, value, 1, 20);
    return this;
  }

  /**
   * Sets how many rating comments a report shows.
   *
   * @param value 0 to 200
   * @return this builder
   * @throws InvalidInputException if out of range
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder comments(int value) {
    if (comments >= 0) {
      throw new IllegalStateException("comments already set");
    }
    if (value < 0 || value > 200) {
      throw new InvalidInputException("comments", value, "must be 0 to 200");
    }
    comments = value;
    return this;
  }

  /**
   * Sets the knowledge-base figures (for example {@code KbKnowledge} over ticket-kb).
   *
   * @param value the knowledge source
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder knowledge(KnowledgeSource value) {
    knowledge = once(knowledge, value, "knowledge");
    return this;
  }

  /**
   * Sets the suggestion rules.
   *
   * @param value the rules
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder rules(SuggestionRules value) {
    rules = once(rules, value, "rules");
    return this;
  }

  /**
   * Sets the tags left out of the frequent tags (markers set by rules rather than topics).
   *
   * @param value the tags, possibly empty
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder ignoredTags(Set<String> value) {
    ignoredTags = once(ignoredTags, Set.copyOf(value), "ignoredTags");
    return this;
  }

  /**
   * Sets the follow-up rule's interval: an open ticket is due a follow-up this long after the
   * last update of its requester ({@link FollowUpFigures}).
   *
   * @param value positive, at most 31 days
   * @return this builder
   * @throws InvalidInputException if out of range
   * @throws IllegalStateException if already set
   */
  public ReportEngineBuilder followUpCadence(Duration value) {
    Objects.requireNonNull(value, "value");
    if (value.isNegative() || value.toMillis() <= 0 || value.compareTo(Duration.ofDays(31)) > 0) {
      throw new InvalidInputException("followUpCadence", value, "must be positive, at most 31 days");
    }
    followUpCadence = once(followUpCadence, value, "followUpCadence");
    return this;
  }

  /**
   * Builds the engine.
   *
   * @return the engine
   * @throws IllegalStateException if the source, the clock or the tenants are missing
   */
  public ReportEngine build() {
    if (source == null || clock == null || (directory == null && zones.isEmpty())) {
      throw new IllegalStateException("source, clock and tenants are required");
    }
    Map<TenantId, ZoneId> fixed = Map.copyOf(zones);
    TenantDirectory dir = directory != null ? directory
        : t -> Optional.ofNullable(fixed.get(t));
    ReportSettings settings = new ReportSettings(
        aging != null ? aging : List.of(Duration.ofDays(1), Duration.ofDays(3),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30)),
        topIssues == 0 ? 10 : topIssues, examples == 0 ? 3 : examples,
        comments < 0 ? 10 : comments, knowledge,
        rules != null ? rules : SuggestionRules.defaults(),
        ignoredTags != null ? ignoredTags : Set.of("sla-breached", "update-overdue"),
        followUpCadence != null ? followUpCadence : Duration.ofHours(84));
    return new ReportEngine(source, clock, dir, settings);
  }

  private static <T> T once(@Nullable T current, T value, String name) {
    Objects.requireNonNull(value, name);
    if (current != null) {
      throw new IllegalStateException(name + " already set");
    }
    return value;
  }

  private static int range(String name, int current, int value, int min, int max) {
    if (current != 0) {
      throw new IllegalStateException(name + " already set");
    }
    if (value < min || value > max) {
      throw new InvalidInputException(name, value, "must be " + min + " to " + max);
    }
    return value;
  }
}
