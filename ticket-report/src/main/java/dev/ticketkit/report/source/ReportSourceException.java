package dev.ticketkit.report.source;

import dev.ticketkit.core.TicketKitException;

/**
 * A report source failed (a storage error); no driver type leaks through it. Instances are
 * immutable and thread-safe.
 */
public class ReportSourceException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying failure
   */
  public ReportSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
