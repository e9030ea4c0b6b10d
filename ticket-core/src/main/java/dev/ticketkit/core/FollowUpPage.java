package dev.ticketkit.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the follow-up ledger. Instances are immutable and thread-safe.
 *
 * @param items the lines, most urgent first
 * @param next the cursor of the next page, or null on the last page
 */
public record FollowUpPage(List<FollowUp> items, @Nullable FollowUpCursor next) {

  /** Copies the lines. */
  public FollowUpPage {
    items = List.copyOf(items);
  }
}
