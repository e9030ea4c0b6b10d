package dev.ticketkit.core.privacy;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The event an erasure publishes when it finishes, so that the host erases its own copies: the
 * record and the attachment references to delete from the host's file storage. It names the
 * requester by pseudonym only. Instances are immutable and thread-safe.
 *
 * @param record the erasure's record
 * @param attachments the attachment references (URIs) the erased tickets held
 */
public record RequesterErased(ErasureRecord record, List<URI> attachments) {

  /**
   * Validates the event and copies the references.
   *
   * @throws NullPointerException if a part is null
   */
  public RequesterErased {
    Objects.requireNonNull(record, "record");
    attachments = List.copyOf(attachments);
  }
}
