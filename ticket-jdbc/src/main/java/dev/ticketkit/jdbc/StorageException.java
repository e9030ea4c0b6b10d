package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.TicketStoreException;

/**
 * Thrown when the database fails: it cannot be reached, a statement fails, a migration cannot run.
 *
 * <p>The message says what the store was doing; the cause is the database's own exception, kept
 * for diagnosis only. No JDBC, jOOQ or Flyway type appears in TicketKit's API, so callers handle
 * storage failures through this type alone. It is a {@link TicketStoreException}, the failure
 * type the ticket store SPI documents; the knowledge-base store throws the knowledge base's own
 * {@code KbStorageException} instead, as its SPI documents. Instances are immutable and therefore
 * thread-safe.
 */
public class StorageException extends TicketStoreException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a failed storage operation.
   *
   * @param message what the store was doing, naming the values involved
   * @param cause the database's exception
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception for a storage problem that has no underlying exception.
   *
   * @param message what is wrong
   */
  public StorageException(String message) {
    super(message, null); // no underlying exception: getCause() is null
  }
}
