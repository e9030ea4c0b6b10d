package dev.ticketkit.report.spike;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.Ticket;
import java.util.Set;

/**
 * Which new tickets count as complaints: a ticket within one of the categories, or with one of the
 * tags, or arriving on one of the channels (such as {@link Channel#DOUYIN} and
 * {@link Channel#COMMUNITY_FORUM}, where negative posts surface). Instances are immutable and
 * thread-safe.
 *
 * @param categories categories whose tickets (and their sub-categories') are complaints
 * @param tags tags that mark a complaint
 * @param channels channels whose tickets are complaints
 */
public record ComplaintPredicate(Set<Category> categories, Set<Tag> tags, Set<Channel> channels) {

  /** Copies the sets. */
  public ComplaintPredicate {
    categories = Set.copyOf(categories);
    tags = Set.copyOf(tags);
    channels = Set.copyOf(channels);
  }

  /**
   * Returns the predicate that matches nothing.
   *
   * @return the predicate
   */
  public static ComplaintPredicate none() {
    return new ComplaintPredicate(Set.of(), Set.of(), Set.of());
  }

  /**
   * Tells whether a ticket is a complaint.
   *
   * @param t the ticket
   * @return true if a category, tag or channel matches
   */
  public boolean matches(Ticket t) {
    if (channels.contains(t.channel())) {
      return true;
    }
    for (Tag tag : t.tags()) {
      if (tags.contains(tag)) {
        return true;
      }
    }
    if (t.category() != null) {
      for (Category c : categories) {
        if (t.category().isWithin(c)) {
          return true;
        }
      }
    }
    return false;
  }
}
