package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The part of an article's content that depends on its {@link ArticleType}: the ordered steps of
 * a troubleshooting manual, the term and definition of a glossary entry, the address and running
 * time of a video.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface ArticleDetails {

  /** The longest text accepted for a step, a term or a definition. */
  int MAX_TEXT = 2_000;

  /** The most steps a troubleshooting manual may have. */
  int MAX_STEPS = 100;

  /**
   * Returns the article type these details belong to.
   *
   * @return the type
   */
  ArticleType type();

  /**
   * Returns the searchable text of these details, one item a line (empty when there is none).
   *
   * @return the text
   */
  List<String> lines();

  /**
   * Details of a frequently asked question: none beyond the title and body.
   *
   * <p>Immutable and thread-safe.
   */
  record Faq() implements ArticleDetails {
    @Override
    public ArticleType type() {
      return ArticleType.FAQ;
    }

    @Override
    public List<String> lines() {
      return List.of();
    }
  }

  /**
   * Details of an operation guide: none beyond the title and body.
   *
   * <p>Immutable and thread-safe.
   */
  record Guide() implements ArticleDetails {
    @Override
    public ArticleType type() {
      return ArticleType.GUIDE;
    }

    @Override
    public List<String> lines() {
      return List.of();
    }
  }

  /**
   * Details of a troubleshooting manual: the steps to follow, in order.
   *
   * <p>Immutable and thread-safe.
   *
   * @param steps the steps, 1 to {@value ArticleDetails#MAX_STEPS}, none blank
   */
  record Troubleshooting(List<String> steps) implements ArticleDetails {
    /**
     * Validates and copies the steps.
     *
     * @throws InvalidInputException if there are no steps, too many, or a blank or too long one
     */
    public Troubleshooting {
      Objects.requireNonNull(steps, "steps");
      if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
        throw new InvalidInputException(
            "steps", steps, "must hold 1 to " + MAX_STEPS + " steps");
      }
      for (int i = 0; i < steps.size(); i++) {
        Texts.requireText("steps[" + i + "]", steps.get(i), MAX_TEXT);
      }
      steps = List.copyOf(steps);
    }

    @Override
    public ArticleType type() {
      return ArticleType.TROUBLESHOOTING;
    }

    @Override
    public List<String> lines() {
      return steps;
    }
  }

  /**
   * Details of a glossary entry.
   *
   * <p>Immutable and thread-safe.
   *
   * @param term the term defined, not blank
   * @param definition its definition, not blank
   */
  record Glossary(String term, String definition) implements ArticleDetails {
    /**
     * Validates the entry.
     *
     * @throws InvalidInputException if the term or the definition is blank or too long
     */
    public Glossary {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(definition, "definition");
      Texts.requireText("term", term, MAX_TEXT);
      Texts.requireText("definition", definition, MAX_TEXT);
    }

    @Override
    public ArticleType type() {
      return ArticleType.GLOSSARY;
    }

    @Override
    public List<String> lines() {
      return List.of(term, definition);
    }
  }

  /**
   * Details of a video tutorial.
   *
   * <p>Immutable and thread-safe.
   *
   * @param url the absolute http or https address of the video
   * @param duration its running time, positive
   */
  record Video(URI url, Duration duration) implements ArticleDetails {
    /**
     * Validates the address and the running time.
     *
     * @throws InvalidInputException if the address is not absolute http(s) or the duration is not
     *     positive
     * @throws NullPointerException if an argument is null
     */
    public Video {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(duration, "duration");
      String scheme = url.getScheme();
      if (!url.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
        throw new InvalidInputException("url", url, "must be an absolute http or https address");
      }
      if (duration.isNegative() || duration.isZero()) {
        throw new InvalidInputException("duration", duration, "must be positive");
      }
    }

    @Override
    public ArticleType type() {
      return ArticleType.VIDEO;
    }

    @Override
    public List<String> lines() {
      return List.of(url.toString());
    }
  }
}
