package dev.ticketkit.core;

import dev.ticketkit.core.event.Subscription;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TicketStoreException;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.core.store.UnitOfWork;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's followers, and the one exception policy for them: inside the transaction a
 * follower's failure abandons the commit (a {@link TicketKitException} as it is, anything else
 * wrapped in a {@link TicketStoreException}); after the commit it is logged. Thread-safe
 * (copy-on-write).
 */
final class Followers implements UnitOfWork {

  private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

  private final List<TicketFollower> followers = new CopyOnWriteArrayList<>();

  Subscription add(TicketFollower follower) {
    if (followers.contains(follower)) {
      throw new InvalidInputException("follower", follower, "is already attached");
    }
    followers.add(follower);
    return () -> followers.remove(follower);
  }

  @Override
  public void run(ChangeSet committed, TransactionContext transaction) {
    for (TicketFollower f : followers) {
      try {
        f.inTransaction(committed, transaction);
      } catch (TicketKitException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new TicketStoreException("follower " + f + " failed on ticket "
            + committed.ticketId() + " of tenant " + committed.tenant() + "; nothing was stored", e);
      }
    }
  }

  void afterCommit(ChangeSet committed) {
    for (TicketFollower f : followers) {
      try {
        f.afterCommit(committed);
      } catch (RuntimeException e) {
        LOG.warn("follower {} failed after the commit of ticket {} version {}; the change stays"
            + " stored", f, committed.ticketId(), committed.ticket().version(), e);
      }
    }
  }
}
