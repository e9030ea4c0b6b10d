package dev.ticketkit.core.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketkit.core.Attachment;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.PublicReply;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.RequesterView;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything a requester may see about themselves, for the right to a copy of one's data: the
 * names and handles their tickets hold, and per ticket the fields of the requester view
 * ({@link RequesterView}), the public conversation and the rating. Internal notes, agent ids,
 * internal fields (priority, tier, tags, custom fields, links, assignee) and other requesters'
 * data are never part of it. Instances are immutable and thread-safe.
 */
public final class RequesterExport {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** One ticket of the requester: what the requester view shows. */
  record Item(Ticket ticket, RequesterView view) {
    Item(Ticket ticket, List<ConversationEntry> conversation) {
      this(ticket, RequesterView.of(ticket, conversation));
    }
  }

  private final TenantId tenant;
  private final String requesterId;
  private final List<Item> items;

  RequesterExport(TenantId tenant, String requesterId, List<Item> items) {
    this.tenant = tenant;
    this.requesterId = requesterId;
    this.items = List.copyOf(items);
  }

  /**
   * Returns the requester's tickets as the requester sees them, in number order.
   *
   * @return the views
   */
  public List<RequesterView> tickets() {
    return items.stream().map(Item::view).toList();
  }

  /**
   * Returns the export as one JSON document: {@code tenant}, {@code requester} (id, the display
   * names and handles their tickets hold) and {@code tickets}, each with its public fields,
   * {@code replies} and {@code rating}.
   *
   * @return the JSON document, indented
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("tenant", tenant.value());
    ObjectNode person = root.putObject("requester");
    person.put("id", requesterId);
    Set<String> names = new LinkedHashSet<>();
    Set<String> handles = new LinkedHashSet<>();
    for (Item item : items) {
      Requester r = item.ticket().requester();
      names.add(r.displayName());
      r.handles().stream().map(ContactHandle::text).forEach(handles::add);
    }
    names.forEach(person.putArray("displayNames")::add);
    handles.forEach(person.putArray("handles")::add);
    ArrayNode tickets = root.putArray("tickets");
    items.forEach(item -> ticket(tickets.addObject(), item.view()));
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
  }

  private static void ticket(ObjectNode node, RequesterView v) {
    node.put("id", v.id().toString());
    node.put("number", v.number());
    node.put("channel", v.channel().toString());
    node.put("status", v.status().name());
    node.put("createdAt", v.createdAt().toString());
    node.put("updatedAt", v.updatedAt().toString());
    node.put("subject", v.subject());
    node.put("description", v.description());
    putIfPresent(node, "scenario", v.scenario());
    putIfPresent(node, "errorMessage", v.errorMessage());
    putIfPresent(node, "reproductionSteps", v.reproductionSteps());
    putIfPresent(node, "accountReference", v.accountReference());
    putIfPresent(node, "resolutionSummary", v.resolutionSummary());
    attachments(node.putArray("attachments"), v.attachments());
    Rating rating = v.rating();
    if (rating != null) {
      ObjectNode r = node.putObject("rating");
      r.put("satisfaction", rating.satisfaction().name());
      putIfPresent(r, "comment", rating.comment());
    }
    ArrayNode replies = node.putArray("replies");
    for (PublicReply p : v.replies()) {
      ObjectNode r = replies.addObject();
      r.put("from", p.authorKind().name());
      r.put("at", p.at().toString());
      r.put("channel", p.channel().toString());
      r.put("body", p.body());
      attachments(r.putArray("attachments"), p.attachments());
    }
  }

  private static void attachments(ArrayNode array, List<Attachment> attachments) {
    for (Attachment a : attachments) {
      ObjectNode n = array.addObject();
      n.put("name", a.name());
      n.put("uri", a.uri().toString());
      n.put("mediaType", a.mediaType());
      n.put("sizeBytes", a.sizeBytes());
    }
  }

  private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  /** Returns the tenant and the number of tickets, never personal data. */
  @Override
  public String toString() {
    return "RequesterExport[" + tenant + ", " + items.size() + " tickets]";
  }

  /**
   * Returns the tenant.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return tenant;
  }
}
