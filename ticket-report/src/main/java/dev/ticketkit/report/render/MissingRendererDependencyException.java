package dev.ticketkit.report.render;

import dev.ticketkit.core.TicketKitException;
import java.util.Objects;

/**
 * A renderer was created without the optional library it needs on the class path; the message
 * names the Maven coordinates to add. Instances are immutable and thread-safe.
 */
public final class MissingRendererDependencyException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param renderer the renderer
   * @param coordinates the missing artifacts' coordinates
   */
  public MissingRendererDependencyException(String renderer, String coordinates) {
    super(Objects.requireNonNull(renderer, "renderer") + " needs "
        + Objects.requireNonNull(coordinates, "coordinates")
        + " on the class path (optional dependencies of ticket-report)");
  }

  static void require(String renderer, String coordinates, String... classNames) {
    for (String name : classNames) {
      try {
        Class.forName(name, false, MissingRendererDependencyException.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new MissingRendererDependencyException(renderer, coordinates);
      }
    }
  }
}
