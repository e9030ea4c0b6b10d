package dev.ticketkit.core.privacy;

import dev.ticketkit.core.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Masks personal data in text: each {@link Detector} in turn replaces what it finds with
 * {@code [name]} (for example {@code [mobile]}). {@code TicketService} runs the redactor it is
 * given on a ticket's texts at intake and on every reply and note, so that the masked text is what
 * gets stored; a history entry (field {@code redaction}) records the counts, not the text.
 *
 * <p>Detectors run in the order given; a mask never matches a later detector. Instances are
 * immutable and thread-safe.
 */
public final class Redactor {

  private static final Redactor STANDARD = new Redactor(List.of(Detector.email(),
      Detector.residentId(), Detector.bankCard(), Detector.mainlandMobile()));
  private static final Redactor NONE = new Redactor(List.of());

  private final List<Detector> detectors;

  private Redactor(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  /**
   * Returns the redactor with the built-in detectors: e-mail addresses, resident identity
   * numbers, bank card numbers and mainland mobile numbers, in that order.
   *
   * @return the standard redactor
   */
  public static Redactor standard() {
    return STANDARD;
  }

  /**
   * Returns a redactor that masks nothing.
   *
   * @return the redactor
   */
  public static Redactor none() {
    return NONE;
  }

  /**
   * Returns a redactor with the given detectors, run in that order.
   *
   * @param detectors the detectors
   * @return the redactor
   * @throws NullPointerException if a detector is null
   * @throws InvalidInputException if two share a name
   */
  public static Redactor of(List<Detector> detectors) {
    Objects.requireNonNull(detectors, "detectors");
    if (detectors == null) {
      throw new InvalidInputException("detectors", null, "must not be null");
    }
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < detectors.size(); i++) {
      Detector d = detectors.get(i);
      if (d == null) {
        throw new InvalidInputException("detectors[" + i + "]", null, "must not be null");
      }
      if (!names.add(d.name())) {
        throw new InvalidInputException("detectors[" + i + "]", d.name(), "is a repeated name");
      }
    }
    return new Redactor(detectors);
  }

  /**
   * Returns a redactor with this one's detectors followed by another.
   *
   * @param detector the detector to add
   * @return the redactor
   * @throws NullPointerException if the detector is null
   * @throws InvalidInputException if its name is taken
   */
  public Redactor with(Detector detector) {
    Objects.requireNonNull(detector, "detector");
    List<Detector> more = new java.util.ArrayList<>(detectors);
    more.add(detector);
    return of(more);
  }

  /**
   * Returns the detectors in the order they run.
   *
   * @return the detectors
   */
  public List<Detector> detectors() {
    return detectors;
  }

  /**
   * Masks every match of every detector.
   *
   * @param text the text
   * @return the masked text and the counts
   * @throws NullPointerException if the text is null
   */
  public Redaction redact(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, Integer> counts = new HashMap<>();
    String current = text;
    for (Detector d : detectors) {
      current = mask(d, current, counts);
    }
    return new Redaction(current, counts);
  }

  /**
   * Returns every text that the detectors would mask, each with its mask.
   *
   * @param text the text
   * @return the matched texts and their masks {@code [name]}
   */
  public Map<String, String> findings(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, String> found = new HashMap<>();
    String current = text;
    for (Detector d : detectors) {
      Matcher m = d.matcher(current);
      while (m.find()) {
        if (d.accepts(m.group())) {
          found.put(m.group(), "[" + d.name() + "]");
        }
      }
      current = mask(d, current, new HashMap<>());
    }
    return found;
  }

  private static String mask(Detector d, String text, Map<String, Integer> counts) {
    Matcher m = d.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (!d.accepts(m.group())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, m.start()).append('[').append(d.name()).append(']');
      last = m.end();
      counts.merge(d.name(), 1, Integer::sum);
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  /** Returns the detectors' names. */
  @Override
  public String toString() {
    return "Redactor" + detectors.stream().map(Detector::name).toList();
  }
}
