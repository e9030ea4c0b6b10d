package dev.ticketkit.report;

import java.util.List;

/**
 * A question resolved tickets of the period kept asking without a knowledge-base article: a
 * candidate FAQ entry (from ticket-kb's FAQ mining). Instances are immutable and thread-safe.
 *
 * @param size how many tickets asked it
 * @param terms the terms that characterise it
 * @param examples a few of the tickets
 */
public record FaqSuggestion(int size, List<String> terms, List<ExampleTicket> examples) {

  /** Copies the lists. */
  public FaqSuggestion {
    terms = List.copyOf(terms);
    examples = List.copyOf(examples);
  }
}
