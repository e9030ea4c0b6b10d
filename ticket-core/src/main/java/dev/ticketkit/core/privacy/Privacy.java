package dev.ticketkit.core.privacy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A requester's rights over their data: erasure (anonymisation) and export.
 *
 * <p>{@link #erase} replaces every piece of one requester's personal data with a stable
 * pseudonym in every ticket whose requester they are, one ticket per transaction: it plans the
 * ticket's {@link Erasure} from what the ticket holds and has the {@link PersonalDataStore}
 * rewrite the ticket's stored texts while holding that ticket's lock only. Statistics stay
 * true: states, instants, priorities, categories, tiers and satisfaction levels are not touched.
 * A run that is interrupted leaves every ticket either erased or untouched; running it again
 * finishes the job (erased tickets no longer name the requester). Each run is recorded (who,
 * when, how many, the pseudonym) and published as {@link RequesterErased}, with the attachment
 * references the host must delete from its own storage.
 *
 * <p>{@link #export} returns everything a requester may see about themselves as one JSON
 * document. Build with {@link #builder()}. Thread-safe.
 */
public final class Privacy {

  private static final int PAGE = 100;
  private static final int ATTEMPTS = 5;

  private final TicketStore tickets;
  private final PersonalDataStore store;
  private final Clock clock;
  private final ErasurePlan plans;
  private final Pseudonyms pseudonyms;
  private final List<Consumer<RequesterErased>> listeners;
  private final @Nullable Executor executor;
  private final List<RequesterData> requesterData;

  private Privacy(Builder b) {
    this.requesterData = List.copyOf(b.requesterData);
    this.tickets = Objects.requireNonNull(b.tickets);
    this.store = Objects.requireNonNull(b.store);
    this.clock = Objects.requireNonNull(b.clock);
    this.pseudonyms = new Pseudonyms(Objects.requireNonNull(b.key));
    this.plans = new ErasurePlan(pseudonyms, b.redactor);
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    this.executor = b.executor;
  }

  /**
   * Returns a builder; the ticket store, the personal-data store, the clock and the pseudonym
   * key are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the pseudonym that stands for a requester after erasure: stable for a tenant, a
   * requester id and the key.
   *
   * @param tenant the tenant
   * @param requesterId the requester's id in the host system
   * @return the pseudonym, {@code anon-} and 16 hex digits
   * @throws NullPointerException if an argument is null
   */
  public String pseudonym(TenantId tenant, String requesterId) {
    return pseudonyms.of(Objects.requireNonNull(tenant, "tenant"),
        Objects.requireNonNull(requesterId, "requesterId"));
  }

  /**
   * Erases (anonymises) a requester in every ticket of a tenant whose requester they are, one
   * ticket per transaction, then in every {@link RequesterData} store (knowledge-base votes and
   * links), then records the run and publishes {@link RequesterErased}.
   *
   * @param tenant the tenant
   * @param requesterId the requester's id in the host system
   * @param erasedBy who asked for it (recorded)
   * @return the record and the attachment references to delete
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the id is not a requester's id
   * @throws IllegalStateException if a ticket kept changing under the erasure (run it again)
   */
  public RequesterErased erase(TenantId tenant, String requesterId, Actor erasedBy) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(erasedBy, "erasedBy");
    TicketQuery ofRequester = TicketQuery.builder().requesterId(requesterId).limit(PAGE).build();
    Set<TicketId> done = new HashSet<>();
    List<URI> attachments = new ArrayList<>();
    while (true) {
      Page<Ticket> page = tickets.query(tenant, ofRequester);
      if (page.items().isEmpty()) {
        break;
      }
      List<TicketId> ids = page.items().stream().map(Ticket::id).toList();
      Map<TicketId, List<HistoryEntry>> histories = store.histories(tenant, ids);
      Map<TicketId, List<ConversationEntry>> conversations = store.conversations(tenant, ids);
      List<CompletableFuture<Optional<Erasure>>> running = new ArrayList<>();
      for (Ticket t : page.items()) {
        if (!done.add(t.id())) {
          throw new IllegalStateException("ticket " + t.id() + " still names the requester");
        }
        List<HistoryEntry> history = histories.get(t.id());
        List<ConversationEntry> conversation = conversations.get(t.id());
        if (executor == null) {
          eraseTicket(t, history, conversation)
              .ifPresent(e -> attachments.addAll(e.attachments()));
        } else {
          running.add(CompletableFuture.supplyAsync(
              () -> eraseTicket(t, history, conversation), executor));
        }
      }
      for (CompletableFuture<Optional<Erasure>> r : running) {
        join(r).ifPresent(e -> attachments.addAll(e.attachments()));
      }
    }
    String pseudonym = pseudonym(tenant, requesterId);
    for (RequesterData other : requesterData) {
      other.eraseRequester(tenant, requesterId, pseudonym);
    }
    ErasureRecord record = new ErasureRecord(tenant, pseudonym, erasedBy,
        clock.instant(), done.size(), attachments.size());
    store.record(record);
    RequesterErased event = new RequesterErased(record, attachments);
    listeners.forEach(l -> l.accept(event));
    return event;
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Erases one ticket, planned from the history and conversation read with its page when the
   * store read them (they hold at least what the ticket's version holds), else read now; after a
   * concurrent write, reads everything again.
   */
  private Optional<Erasure> eraseTicket(Ticket read, @Nullable List<HistoryEntry> readHistory,
      @Nullable List<ConversationEntry> readConversation) {
    TenantId tenant = read.tenant();
    TicketId id = read.id();
    Optional<Ticket> current = Optional.of(read);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        current = tickets.get(tenant, id);
      }
      if (current.isEmpty()) {
        return Optional.empty();
      }
      Ticket t = current.get();
      List<HistoryEntry> history = attempt == 0 && readHistory != null ? readHistory
          : tickets.history(tenant, id);
      List<ConversationEntry> conversation = attempt == 0 && readConversation != null
          ? readConversation : tickets.conversation(tenant, id);
      Erasure erasure = plans.plan(t, history, conversation);
      if (store.erase(tenant, id, t.version(), erasure)) {
        return Optional.of(erasure);
      }
    }
    throw new IllegalStateException(
        "ticket " + id + " kept changing under the erasure; run the erasure again");
  }

  /**
   * Returns a tenant's erasure records, oldest first.
   *
   * @param tenant the tenant
   * @return the records
   */
  public List<ErasureRecord> erasures(TenantId tenant) {
    return store.erasures(Objects.requireNonNull(tenant, "tenant"));
  }

  /**
   * Returns everything about a requester that they may see, as one JSON document: their
   * names and handles as their tickets hold them, and per ticket the fields the requester view
   * shows, the public conversation and the rating; never internal notes, agent ids, internal
   * fields or another requester's data.
   *
   * @param tenant the tenant
   * @param requesterId the requester's id in the host system
   * @return the export
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the id is not a requester's id
   */
  public RequesterExport export(TenantId tenant, String requesterId) {
    Objects.requireNonNull(tenant, "tenant");
    List<RequesterExport.Item> items = new ArrayList<>();
    TicketQuery query = TicketQuery.builder().requesterId(requesterId).limit(PAGE).build();
    while (true) {
      Page<Ticket> page = tickets.query(tenant, query);
      page.items().forEach(t -> items.add(
          new RequesterExport.Item(t, tickets.conversation(tenant, t.id()))));
      if (page.next() == null) {
        break;
      }
      query = query.withAfter(page.next());
    }
    return new RequesterExport(tenant, requesterId, items);
  }

  /** Builds a {@link Privacy}. Not thread-safe. */
  public static final class Builder {

    private @Nullable TicketStore tickets;
    private @Nullable PersonalDataStore store;
    private @Nullable Clock clock;
    private byte @Nullable [] key;
    private Redactor redactor = Redactor.standard();
    private final List<Consumer<RequesterErased>> listeners = new ArrayList<>();
    private @Nullable Executor executor;
    private final List<RequesterData> requesterData = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a store of personal data kept by requester rather than by ticket (the knowledge
     * base's article store: votes and links), which erasure also rewrites.
     *
     * @param value the store
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder requesterData(RequesterData value) {
      requesterData.add(Objects.requireNonNull(value, "requesterData"));
      return this;
    }

    /**
     * Sets the executor that erases the tickets of one page (up to 100) side by side, each in
     * its own transaction; by default they are erased one after the other on the caller's
     * thread. The host owns the executor's threads; each needs a database connection.
     *
     * @param value the executor
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder executor(Executor value) {
      executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * Sets the ticket store tickets are read from.
     *
     * @param value the store
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder tickets(TicketStore value) {
      tickets = Objects.requireNonNull(value, "tickets");
      return this;
    }

    /**
     * Sets the store that erases and records; usually the same object as the ticket store.
     *
     * @param value the store
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder personalData(PersonalDataStore value) {
      store = Objects.requireNonNull(value, "personalData");
      return this;
    }

    /**
     * Sets the clock erasure records are stamped with.
     *
     * @param value the clock
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the secret key pseudonyms are made with (HMAC-SHA256). Keep it secret and keep it:
     * the same key gives the same pseudonyms, so an interrupted erasure resumes consistently.
     *
     * @param value at least 16 bytes
     * @return this builder
     * @throws InvalidInputException if null or shorter than 16 bytes
     */
    public Builder pseudonymKey(byte[] value) {
      Objects.requireNonNull(value, "value");
      if (value == null || value.length < 16) {
        throw new InvalidInputException("pseudonymKey", value == null ? null
            : value.length + " bytes", "must hold at least 16 bytes");
      }
      key = value.clone();
      return this;
    }

    /**
     * Sets the redactor whose findings erasure also replaces (in agents' replies, notes and
     * every other text of the requester's tickets); {@link Redactor#standard()} by default.
     *
     * @param value the redactor
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder redactor(Redactor value) {
      redactor = Objects.requireNonNull(value, "redactor");
      return this;
    }

    /**
     * Adds a listener for finished erasures, so that the host erases its own copies.
     *
     * @param listener the listener
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder listener(Consumer<RequesterErased> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Returns the service.
     *
     * @return the service
     * @throws IllegalStateException if a required part is missing
     */
    public Privacy build() {
      if (tickets == null || store == null || clock == null || key == null) {
        throw new IllegalStateException(
            "Privacy needs a ticket store, a personal-data store, a clock and a pseudonym key");
      }
      return new Privacy(this);
    }
  }
}
