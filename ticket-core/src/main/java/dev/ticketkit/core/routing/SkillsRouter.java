package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Prefers candidates whose categories, languages and channels fit the ticket, then falls back.
 * Immutable and thread-safe if its routers and language reader are.
 */
final class SkillsRouter implements Router {

  /** The custom field the default language reader takes the ticket's language tag from. */
  static final String LANGUAGE_FIELD = "language";

  private final Router within;
  private final Router fallback;
  private final Function<Ticket, @Nullable String> languageOf;

  SkillsRouter(Router within, Router fallback, Function<Ticket, @Nullable String> languageOf) {
    if (within == null || fallback == null || languageOf == null) {
      throw new InvalidInputException("skills", null,
          "within, fallback and languageOf are required");
    }
    this.within = within;
    this.fallback = fallback;
    this.languageOf = languageOf;
  }

  @Override
  public String name() {
    return "skills";
  }

  @Override
  public Optional<AgentId> choose(RoutingRequest request) {
    Ticket t = request.ticket();
    String tag = languageOf.apply(t);
    String language = tag == null || tag.isBlank() ? null : AgentProfile.language(tag);
    List<Candidate> skilled = request.candidates().stream()
        .filter(c -> fits(c.profile(), t, language)).toList();
    Optional<AgentId> chosen = skilled.isEmpty() ? Optional.empty()
        : within.choose(request.withCandidates(skilled));
    return chosen.isPresent() ? chosen : fallback.choose(request);
  }

  @Override
  public boolean takesTurns() {
    return within.takesTurns() || fallback.takesTurns();
  }

  static boolean fits(AgentProfile p, Ticket t, @Nullable String language) {
    Category category = t.category();
    boolean categoryFits = category == null
        || p.categories().stream().anyMatch(category::isWithin);
    boolean languageFits = language == null || p.languages().contains(language);
    return categoryFits && languageFits && p.channels().contains(t.channel());
  }

  static @Nullable String languageField(Ticket t) {
    CustomFieldValue v = t.customFields().get(LANGUAGE_FIELD);
    return v instanceof CustomFieldValue.Text text ? text.value() : null;
  }

  @Override
  public String toString() {
    return "skills(" + within + ", fallback " + fallback + ")";
  }
}
