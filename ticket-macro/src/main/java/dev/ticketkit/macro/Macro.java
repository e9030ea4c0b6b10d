package dev.ticketkit.macro;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TextRule;
import dev.ticketkit.core.workflow.Transition;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A macro (canned response): a reply template per locale plus field changes, applied to a ticket
 * by {@link Macros#apply} as one versioned write.
 *
 * <p>The field changes are optional: a workflow transition to fire, tags to add and to remove, a
 * priority, a category. The reply templates are Mustache templates using the
 * {@link MacroVariable}s; each is checked when the macro is built. A macro has a template for its
 * default locale; {@link #replyLocale(Locale)} chooses the template for a requested locale (the
 * same language tag, else the same language, else the default). The JSON form is
 * {@link MacroJson}'s. Build with {@link #builder(String)}. Instances are immutable and
 * thread-safe.
 */
public final class Macro {

  /** The longest title accepted. */
  public static final int MAX_TITLE_LENGTH = 200;
  /** The longest reply template accepted, in code points. */
  public static final int MAX_TEMPLATE_LENGTH = 10_000;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final TextRule TITLE = TextRule.line(MAX_TITLE_LENGTH);
  private static final TextRule TEMPLATE = TextRule.text(MAX_TEMPLATE_LENGTH);

  private final String id;
  private final String title;
  private final Locale defaultLocale;
  private final Map<Locale, ReplyTemplate> replies;
  private final @Nullable String transition;
  private final SortedSet<Tag> addTags;
  private final SortedSet<Tag> removeTags;
  private final @Nullable Priority priority;
  private final @Nullable Category category;

  private Macro(Builder b, Locale defaultLocale) {
    id = b.id;
    title = Objects.requireNonNull(b.title);
    this.defaultLocale = defaultLocale;
    replies = Collections.unmodifiableMap(new LinkedHashMap<>(b.replies));
    transition = b.transition;
    addTags = Collections.unmodifiableSortedSet(new TreeSet<>(b.addTags));
    removeTags = Collections.unmodifiableSortedSet(new TreeSet<>(b.removeTags));
    priority = b.priority;
    category = b.category;
  }

  /**
   * Starts building a macro.
   *
   * @param id 1 to 64 lower-case letters, digits, {@code .}, {@code _} or {@code -}, starting
   *     with a letter or digit; unique within a tenant's library
   * @return the builder
   * @throws MacroFormatException if the id is not of that form
   */
  public static Builder builder(String id) {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new MacroFormatException("$.id", id,
          "must be 1-64 lower-case letters, digits, '.', '_' or '-'");
    }
    return new Builder(id);
  }

  /** @return the id */
  public String id() {
    return id;
  }

  /** @return the title agents pick the macro by */
  public String title() {
    return title;
  }

  /** @return the locale whose template is used when no other fits */
  public Locale defaultLocale() {
    return defaultLocale;
  }

  /** @return each locale's template text, in the order they were added */
  public Map<Locale, String> replies() {
    Map<Locale, String> texts = new LinkedHashMap<>();
    replies.forEach((l, t) -> texts.put(l, t.text()));
    return Collections.unmodifiableMap(texts);
  }

  /**
   * Returns the locale whose template serves a requested locale: the same language tag, else the
   * first template of the same language, else the default locale.
   *
   * @param requested the requester's or agent's locale
   * @return a locale the macro has a template for
   * @throws NullPointerException if the locale is null
   */
  public Locale replyLocale(Locale requested) {
    if (requested == null) {
      throw new NullPointerException("locale");
    }
    if (replies.containsKey(requested)) {
      return requested;
    }
    return replies.keySet().stream()
        .filter(l -> l.getLanguage().equals(requested.getLanguage()))
        .findFirst().orElse(defaultLocale);
  }

  /**
   * Returns the variables a locale's template uses.
   *
   * @param locale a locale the macro has a template for (see {@link #replyLocale(Locale)})
   * @return the variables
   * @throws InvalidInputException if the macro has no template for that locale
   */
  public Set<MacroVariable> variables(Locale locale) {
    return template(locale).variables();
  }

  ReplyTemplate template(Locale locale) {
    ReplyTemplate t = replies.get(locale);
    if (t == null) {
      throw new InvalidInputException("locale", locale.toLanguageTag(),
          "has no template in macro " + id + " " + replies.keySet());
    }
    return t;
  }

  /** @return the workflow transition the macro fires, if any */
  public Optional<String> transition() {
    return Optional.ofNullable(transition);
  }

  /** @return the tags the macro adds */
  public SortedSet<Tag> addTags() {
    return addTags;
  }

  /** @return the tags the macro removes */
  public SortedSet<Tag> removeTags() {
    return removeTags;
  }

  /** @return the priority the macro sets, if any */
  public Optional<Priority> priority() {
    return Optional.ofNullable(priority);
  }

  /** @return the category the macro sets, if any */
  public Optional<Category> category() {
    return Optional.ofNullable(category);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Macro m && id.equals(m.id) && title.equals(m.title)
        && defaultLocale.equals(m.defaultLocale) && replies().equals(m.replies())
        && Objects.equals(transition, m.transition) && addTags.equals(m.addTags)
        && removeTags.equals(m.removeTags) && priority == m.priority
        && Objects.equals(category, m.category);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, replies(), transition, addTags, priority, category);
  }

  /** Returns the id, the title and the locales, for logs. */
  @Override
  public String toString() {
    return "Macro[" + id + " '" + title + "' " + replies.keySet() + "]";
  }

  /**
   * Parses a locale's BCP 47 language tag, such as {@code zh-CN} or {@code en}.
   *
   * @param path the field, for the error
   * @param tag the tag
   * @return the locale
   * @throws MacroFormatException if the tag is not well-formed or undetermined
   */
  static Locale locale(String path, @Nullable String tag) {
    try {
      Locale l = new Locale.Builder().setLanguageTag(tag == null ? "" : tag).build();
      if (l.getLanguage().isEmpty()) {
        throw new MacroFormatException(path, tag, "must be a language tag such as zh-CN or en");
      }
      return l;
    } catch (IllformedLocaleException e) {
      throw new MacroFormatException(path, tag, "must be a language tag such as zh-CN or en");
    }
  }

  /**
   * Builds a {@link Macro}. Each setter checks its value at once; errors are
   * {@link MacroFormatException}s naming the field as a JSON path of {@link MacroJson}'s form.
   * Not thread-safe.
   */
  public static final class Builder {

    private final String id;
    private @Nullable String title;
    private @Nullable Locale defaultLocale;
    private final Map<Locale, ReplyTemplate> replies = new LinkedHashMap<>();
    private @Nullable String transition;
    private final SortedSet<Tag> addTags = new TreeSet<>();
    private final SortedSet<Tag> removeTags = new TreeSet<>();
    private @Nullable Priority priority;
    private @Nullable Category category;

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the title.
     *
     * @param value one line of 1 to {@value Macro#MAX_TITLE_LENGTH} characters
     * @return this builder
     * @throws MacroFormatException if the value is not valid
     */
    public Builder title(String value) {
      title = at("$.title", value, () -> TITLE.require("title", value));
      return this;
    }

    /**
     * Sets the default locale; without it, the first template's locale is the default.
     *
     * @param value the locale
     * @return this builder
     * @throws NullPointerException if the value is null
     */
    public Builder defaultLocale(Locale value) {
      Objects.requireNonNull(value, "value");
      defaultLocale = value;
      return this;
    }

    /**
     * Adds a locale's reply template.
     *
     * @param locale the locale, such as {@code Locale.forLanguageTag("zh-CN")}
     * @param template a Mustache template of 1 to {@value Macro#MAX_TEMPLATE_LENGTH} characters
     *     using the {@link MacroVariable}s only
     * @return this builder
     * @throws NullPointerException if the locale is null
     * @throws MacroFormatException if the locale has a template already, or the template is blank, too long, not a valid template, or uses another variable, a section
     *     or a partial
     */
    public Builder reply(Locale locale, String template) {
      Objects.requireNonNull(locale, "locale");
      String path = "$.reply." + locale.toLanguageTag();
      if (replies.containsKey(locale)) {
        throw new MacroFormatException(path, template, "is given twice");
      }
      String text = at(path, template, () -> TEMPLATE.require("template", template));
      replies.put(locale, ReplyTemplate.compile(path, text));
      return this;
    }

    /**
     * Sets the workflow transition to fire (checked against the workflow when applied).
     *
     * @param name the transition's name
     * @return this builder
     * @throws MacroFormatException if the name is not of the form of a transition name
     */
    public Builder transition(String name) {
      transition = at("$.changes.transition", name, () -> Transition.checkName(name));
      return this;
    }

    /**
     * Adds a tag to add.
     *
     * @param tag the tag
     * @return this builder
     * @throws NullPointerException if the tag is null
     * @throws MacroFormatException if the tag is also removed
     */
    public Builder addTag(Tag tag) {
      tag("$.changes.addTags", tag, removeTags).add(tag);
      return this;
    }

    /**
     * Adds a tag to remove.
     *
     * @param tag the tag
     * @return this builder
     * @throws NullPointerException if the tag is null
     * @throws MacroFormatException if the tag is also added
     */
    public Builder removeTag(Tag tag) {
      tag("$.changes.removeTags", tag, addTags).add(tag);
      return this;
    }

    private SortedSet<Tag> tag(String path, @Nullable Tag tag, Set<Tag> other) {
      Objects.requireNonNull(tag, "tag");
      if (other.contains(tag)) {
        throw new MacroFormatException(path, tag, "is both added and removed");
      }
      return path.endsWith("addTags") ? addTags : removeTags;
    }

    /**
     * Sets the priority.
     *
     * @param value the priority
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder priority(Priority value) {
      Objects.requireNonNull(value, "value");
      priority = value;
      return this;
    }

    /**
     * Sets the category.
     *
     * @param value the category
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder category(Category value) {
      Objects.requireNonNull(value, "value");
      category = value;
      return this;
    }

    /**
     * Returns the macro.
     *
     * @return the macro
     * @throws MacroFormatException if the title or every template is missing, or the default
     *     locale has no template
     */
    public Macro build() {
      if (title == null) {
        throw new MacroFormatException("$.title", null, "must be given");
      }
      if (replies.isEmpty()) {
        throw new MacroFormatException("$.reply", "{}", "must hold at least one template");
      }
      Locale fallback = defaultLocale == null ? replies.keySet().iterator().next() : defaultLocale;
      if (!replies.containsKey(fallback)) {
        throw new MacroFormatException("$.defaultLocale", fallback.toLanguageTag(),
            "has no template in $.reply " + replies.keySet());
      }
      return new Macro(this, fallback);
    }

    private static <T> T at(String path, @Nullable Object value,
        java.util.function.Supplier<T> check) {
      try {
        return check.get();
      } catch (MacroFormatException e) {
        throw e;
      } catch (InvalidInputException e) {
        throw new MacroFormatException(path, e.value() == null ? value : e.value(),
            e.getMessage());
      }
    }
  }
}
