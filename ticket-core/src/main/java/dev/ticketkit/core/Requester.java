package dev.ticketkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The person who asked for help: an id from the host system, a display name and the handles by
 * which they can be reached (one person, many handles).
 *
 * <p>Handles keep their order and are distinct. The name and the handles are personal data:
 * {@link #toString()} masks them (the id, the host's key, is shown). Instances are immutable and
 * thread-safe.
 *
 * @param id the requester's id in the host system: 1 to {@value Actor#MAX_ID_LENGTH} characters
 *     without whitespace
 * @param displayName the name to show: 1 to {@value #MAX_NAME_LENGTH} characters on one line
 * @param handles the contact handles, at most {@value #MAX_HANDLES}, without duplicates
 */
public record Requester(String id, String displayName, List<ContactHandle> handles) {

  /** The longest display name accepted. */
  public static final int MAX_NAME_LENGTH = 200;
  /** The most contact handles one requester may have. */
  public static final int MAX_HANDLES = 20;

  private static final TextRule ID = TextRule.identifier(Actor.MAX_ID_LENGTH);
  private static final TextRule NAME = TextRule.line(MAX_NAME_LENGTH).personal();

  /**
   * Validates the requester and copies the handles.
   *
   * @throws InvalidInputException if the id or name is not valid, a handle is null or repeated,
   *     or there are too many handles
   */
  public Requester {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(handles, "handles");
    ID.require("requester.id", id);
    NAME.require("requester.displayName", displayName);
    handles = checkedHandles(Texts.notNull("requester.handles", handles));
  }

  /**
   * Returns a requester.
   *
   * @param id the id in the host system
   * @param displayName the name to show
   * @param handles the contact handles
   * @return the requester
   * @throws InvalidInputException if a part is not valid
   */
  public static Requester of(String id, String displayName, ContactHandle... handles) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    return new Requester(id, displayName, List.of(Texts.notNull("handles", handles)));
  }

  /**
   * Returns a copy with another display name.
   *
   * @param newName the new display name
   * @return the copy
   * @throws InvalidInputException if the name is not valid
   */
  public Requester withDisplayName(String newName) {
    Objects.requireNonNull(newName, "newName");
    return new Requester(id, newName, handles);
  }

  /**
   * Returns a copy with one more handle, or this requester if it already has the handle.
   *
   * @param handle the handle to add
   * @return the copy
   * @throws NullPointerException if the handle is null
   * @throws InvalidInputException if the limit is reached
   */
  public Requester withHandle(ContactHandle handle) {
    if (handles.contains(Texts.notNull("handle", handle))) {
      return this;
    }
    List<ContactHandle> more = new ArrayList<>(handles);
    more.add(handle);
    return new Requester(id, displayName, more);
  }

  private static List<ContactHandle> checkedHandles(List<ContactHandle> handles) {
    if (handles.size() > MAX_HANDLES) {
      throw new InvalidInputException(
          "requester.handles", handles.size(), "must hold at most " + MAX_HANDLES + " handles");
    }
    List<ContactHandle> seen = new ArrayList<>();
    for (int i = 0; i < handles.size(); i++) {
      ContactHandle handle = Texts.notNull("requester.handles[" + i + "]", handles.get(i));
      if (seen.contains(handle)) {
        throw new InvalidInputException("requester.handles[" + i + "]", handle, "is repeated");
      }
      seen.add(handle);
    }
    return List.copyOf(seen);
  }

  /**
   * Returns a description for logs and messages with the name and the handles masked:
   * {@code Requester[id=u-42, displayName="L***" (8 chars, masked), handles=[email:"l***" (16
   * chars, masked)]]}.
   */
  @Override
  public String toString() {
    return "Requester[id=" + id + ", displayName=" + TextRule.excerpt(displayName, true)
        + ", handles=" + handles + "]";
  }
}
