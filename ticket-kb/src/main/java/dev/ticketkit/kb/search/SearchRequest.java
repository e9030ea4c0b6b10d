package dev.ticketkit.kb.search;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TextRule;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.ArticleType;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.Viewer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search: the user's text, optional context text weighted lower (a ticket's description), the
 * tenant, who is searching, filters, and how many hits to return.
 *
 * <p>The text is user input and is never parsed as query syntax: it is analyzed into words.
 * A {@link Viewer#REQUESTER} only ever finds published public articles, whatever the audience
 * and status filters say. Empty filter sets mean "any". Instances are immutable and thread-safe;
 * build one with {@link #of(TenantId, String)} and the {@code withX} copies.
 *
 * @param tenant the tenant searched
 * @param text the user's text, at most {@value #MAX_TEXT} chars
 * @param context more text that ranks lower, such as a ticket description, at most
 *     {@value #MAX_TEXT} chars (may be empty)
 * @param viewer who is searching
 * @param audiences the audiences to return (empty: any the viewer may see)
 * @param locale if set, only articles in this locale: a bare language ({@code zh}) matches every
 *     country, a tag with a country ({@code zh-CN}) matches only itself
 * @param preferredLocale if set, articles in this locale's language rank higher (by
 *     {@value #PREFERENCE_BOOST}x) but others are still found; its language also picks the
 *     synonym groups that apply
 * @param types the types to return (empty: any)
 * @param statuses the statuses to return (empty: any the viewer may see)
 * @param limit the most hits returned, 1 to {@value #MAX_LIMIT}
 * @param snippets whether to compute highlighted snippets
 */
public record SearchRequest(
    TenantId tenant,
    String text,
    String context,
    Viewer viewer,
    Set<Audience> audiences,
    @Nullable Locale locale,
    @Nullable Locale preferredLocale,
    Set<ArticleType> types,
    Set<ArticleStatus> statuses,
    int limit,
    boolean snippets) {

  /** The longest text (and context) accepted. */
  public static final int MAX_TEXT = 10_000;

  /** The score factor of an article in the preferred language. */
  public static final float PREFERENCE_BOOST = 1.5f;

  /** The most hits one request may ask for. */
  public static final int MAX_LIMIT = 100;

  /**
   * Validates the request.
   *
   * @throws SearchQueryException if the text or the context is too long
   * @throws InvalidInputException if the limit is out of range
   * @throws NullPointerException if a not-null field is null
   */
  public SearchRequest {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(viewer, "viewer");
    checkText("text", text);
    checkText("context", context);
    audiences = Set.copyOf(audiences);
    types = Set.copyOf(types);
    statuses = Set.copyOf(statuses);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", limit, "must be 1 to " + MAX_LIMIT);
    }
  }

  private static void checkText(String field, String value) {
    if (value == null) {
      throw new SearchQueryException(field, null, "must not be null");
    }
    if (TextRule.length(value) > MAX_TEXT) {
      throw new SearchQueryException(field, value, "must be at most " + MAX_TEXT + " chars");
    }
  }

  /**
   * Returns a requester's search of a tenant's articles for a text: published public articles
   * only, no other filter, 10 hits, snippets. The safe viewer is the default, so a help centre
   * never shows drafts or internal articles by omission; agents' tools call
   * {@code withViewer(Viewer.AGENT)}.
   *
   * @param tenant the tenant
   * @param text the user's text
   * @return the request
   * @throws SearchQueryException if the text is null or too long
   */
  public static SearchRequest of(TenantId tenant, String text) {
    Objects.requireNonNull(text, "text");
    return new SearchRequest(tenant, text, "", Viewer.REQUESTER, Set.of(), null, null, Set.of(),
        Set.of(), 10, true);
  }

  /**
   * Returns a copy that prefers articles in a language without excluding others.
   *
   * @param newPreferred the preferred locale (its language counts), or null for none
   * @return the copy
   */
  public SearchRequest withPreferredLocale(@Nullable Locale newPreferred) {
    return new SearchRequest(tenant, text, context, viewer, audiences, locale, newPreferred, types,
        statuses, limit, snippets);
  }

  /**
   * Returns the locale whose language picks the synonym groups: the filter's, else the
   * preference's, else null (every group).
   *
   * @return the locale, or null
   */
  public @Nullable Locale language() {
    return locale != null ? locale : preferredLocale;
  }

  /**
   * Returns a copy for another viewer.
   *
   * @param newViewer who is searching
   * @return the copy
   */
  public SearchRequest withViewer(Viewer newViewer) {
    return new SearchRequest(tenant, text, context, newViewer, audiences, locale, preferredLocale,
        types, statuses,
        limit, snippets);
  }

  /**
   * Returns a copy with context text that ranks lower than the text.
   *
   * @param newContext the context
   * @return the copy
   * @throws SearchQueryException if the context is null or too long
   */
  public SearchRequest withContext(String newContext) {
    return new SearchRequest(tenant, text, newContext, viewer, audiences, locale,
        preferredLocale, types, statuses, limit, snippets);
  }

  /**
   * Returns a copy restricted to some audiences.
   *
   * @param first an audience
   * @param more more audiences
   * @return the copy
   */
  public SearchRequest withAudiences(Audience first, Audience... more) {
    return new SearchRequest(tenant, text, context, viewer, EnumSet.of(first, more), locale,
        preferredLocale, types,
        statuses, limit, snippets);
  }

  /**
   * Returns a copy restricted to a locale.
   *
   * @param newLocale the locale, or null for any
   * @return the copy
   */
  public SearchRequest withLocale(@Nullable Locale newLocale) {
    return new SearchRequest(tenant, text, context, viewer, audiences, newLocale, preferredLocale,
        types, statuses,
        limit, snippets);
  }

  /**
   * Returns a copy restricted to some types.
   *
   * @param first a type
   * @param more more types
   * @return the copy
   */
  public SearchRequest withTypes(ArticleType first, ArticleType... more) {
    return new SearchRequest(tenant, text, context, viewer, audiences, locale,
        preferredLocale, EnumSet.of(first, more), statuses, limit, snippets);
  }

  /**
   * Returns a copy restricted to some statuses.
   *
   * @param first a status
   * @param more more statuses
   * @return the copy
   */
  public SearchRequest withStatuses(ArticleStatus first, ArticleStatus... more) {
    return new SearchRequest(tenant, text, context, viewer, audiences, locale, preferredLocale,
        types,
        EnumSet.of(first, more), limit, snippets);
  }

  /**
   * Returns a copy with another hit limit.
   *
   * @param newLimit the most hits, 1 to {@value #MAX_LIMIT}
   * @return the copy
   * @throws InvalidInputException if the limit is out of range
   */
  public SearchRequest withLimit(int newLimit) {
    return new SearchRequest(tenant, text, context, viewer, audiences, locale, preferredLocale,
        types, statuses,
        newLimit, snippets);
  }

  /**
   * Returns a copy with snippets on or off.
   *
   * @param enabled whether to compute highlighted snippets
   * @return the copy
   */
  public SearchRequest withSnippets(boolean enabled) {
    return new SearchRequest(tenant, text, context, viewer, audiences, locale, preferredLocale,
        types, statuses,
        limit, enabled);
  }
}
