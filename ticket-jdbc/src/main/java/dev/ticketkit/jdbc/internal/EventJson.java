package dev.ticketkit.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketLink;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.ProblemRecord;
import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.HandoffChecked;
import dev.ticketkit.core.event.HandoffClosed;
import dev.ticketkit.core.event.HandoffOpened;
import dev.ticketkit.core.event.IncidentResolutionProposed;
import dev.ticketkit.core.event.ProblemRecorded;
import dev.ticketkit.core.event.TicketAssigned;
import dev.ticketkit.core.event.TicketCategoryChanged;
import dev.ticketkit.core.event.TicketEdited;
import dev.ticketkit.core.event.TicketEscalated;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketLinked;
import dev.ticketkit.core.event.TicketMerged;
import dev.ticketkit.core.event.TicketNoted;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.event.TicketPriorityChanged;
import dev.ticketkit.core.event.DissatisfactionFlagged;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketReopened;
import dev.ticketkit.core.event.TicketReplied;
import dev.ticketkit.core.event.TicketStatusChanged;
import dev.ticketkit.core.event.TicketTagged;
import dev.ticketkit.core.event.TicketUntagged;
import dev.ticketkit.core.event.TicketUrgentFlagged;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of ticket events, as the outbox stores them: the header's parts and the event's
 * own facts, each value in its text form, under a {@code "type"} that names the event record
 * ({@code "TicketOpened"}). {@link #read(String)} reads back what {@link #write(TicketEvent)}
 * wrote, equal to the original. Stateless and thread-safe.
 */
public final class EventJson {

  private EventJson() {}

  /**
   * Returns an event's JSON form.
   *
   * @param event the event
   * @return the JSON text
   */
  public static String write(TicketEvent event) {
    ObjectNode n = TicketJson.MAPPER.createObjectNode();
    n.put("type", event.getClass().getSimpleName());
    EventHeader h = event.header();
    n.put("tenant", h.tenant().value()).put("ticketId", h.ticketId().toString())
        .put("ticketVersion", h.ticketVersion()).put("actor", h.actor().toString())
        .put("at", IsoInstant.format(h.at())).put("cycle", h.cycle());
    EventFacts.write(event, n);
    return n.toString();
  }

  /**
   * Reads an event from its JSON form.
   *
   * @param json the JSON text
   * @return the event
   * @throws IllegalStateException if the text is not an event's JSON form
   */
  public static TicketEvent read(String json) {
    JsonNode n = TicketJson.parse(json);
    EventHeader h = new EventHeader(TenantId.of(n.path("tenant").asText()),
        TicketId.parse(n.path("ticketId").asText()), n.path("ticketVersion").asLong(),
        Actor.parse(n.path("actor").asText()), Instant.parse(n.path("at").asText()),
        n.path("cycle").asInt());
    return EventFacts.read(n.path("type").asText(), h, n);
  }

  /** The per-type part of the form. */
  private static final class EventFacts {

    static void write(TicketEvent e, ObjectNode n) {
      if (e instanceof TicketOpened o) {
        n.put("number", o.number()).put("channel", o.channel().code())
            .put("priority", o.priority().name()).put("status", o.status().toString())
            .put("tier", o.tier().toString()).put("category", text(o.category()));
      } else if (e instanceof TicketStatusChanged s) {
        n.put("from", s.from().toString()).put("to", s.to().toString())
            .put("transition", s.transition());
      } else if (e instanceof TicketReplied r) {
        n.set("entry", entry(r.entry()));
      } else if (e instanceof TicketNoted r) {
        n.set("entry", entry(r.entry()));
      } else if (e instanceof TicketAssigned a) {
        n.put("from", text(a.from())).put("to", text(a.to()));
      } else if (e instanceof TicketEscalated x) {
        n.put("from", x.from().toString()).put("to", x.to().toString())
            .put("reason", x.reason());
      } else {
        writeMore(e, n);
      }
    }

    private static void writeMore(TicketEvent e, ObjectNode n) {
      if (e instanceof TicketPriorityChanged p) {
        n.put("from", p.from().name()).put("to", p.to().name());
      } else if (e instanceof TicketCategoryChanged c) {
        n.put("from", text(c.from())).put("to", text(c.to()));
      } else if (e instanceof TicketTagged t) {
        n.put("tag", t.tag().value());
      } else if (e instanceof TicketUntagged t) {
        n.put("tag", t.tag().value());
      } else if (e instanceof TicketLinked l) {
        n.put("link", l.link().toString());
      } else if (e instanceof TicketMerged m) {
        n.put("into", m.into().toString());
      } else if (e instanceof TicketRated r) {
        rating(n, r.rating());
      } else if (e instanceof DissatisfactionFlagged f) {
        rating(n, f.rating());
      } else if (e instanceof TicketReopened r) {
        n.put("previousCycle", r.previousCycle()).put("transition", r.transition());
      } else if (e instanceof TicketUrgentFlagged u) {
        n.put("tier", u.tier().toString()).put("priority", u.priority().name());
      } else if (e instanceof TicketEdited d) {
        d.fields().stream().sorted().forEach(n.putArray("fields")::add);
      } else if (e instanceof dev.ticketkit.core.event.TicketRatingExpired) {
        return;
      } else if (e instanceof ProblemRecorded p) {
        n.put("before", text(p.before())).put("after", p.after().toString());
      } else if (e instanceof IncidentResolutionProposed p) {
        n.put("problem", p.problem().toString());
      } else if (e instanceof HandoffOpened h) {
        n.put("handoff", h.handoff().toString());
      } else if (e instanceof HandoffChecked h) {
        n.put("handoff", h.handoff().toString());
      } else if (e instanceof HandoffClosed h) {
        n.put("handoff", h.handoff().toString());
      } else {
        throw new IllegalArgumentException("unknown event type " + e.getClass().getName());
      }
    }

    static TicketEvent read(String type, EventHeader h, JsonNode n) {
      return switch (type) {
        case "TicketOpened" -> new TicketOpened(h, n.path("number").asLong(),
            Channel.of(s(n, "channel")), Priority.valueOf(s(n, "priority")),
            Status.parse(s(n, "status")), SupportTier.parse(s(n, "tier")),
            opt(n, "category", Category::parse));
        case "TicketStatusChanged" -> new TicketStatusChanged(h, Status.parse(s(n, "from")),
            Status.parse(s(n, "to")), s(n, "transition"));
        case "TicketReplied" -> new TicketReplied(h, entry(h, n.path("entry")));
        case "TicketNoted" -> new TicketNoted(h, entry(h, n.path("entry")));
        case "TicketAssigned" -> new TicketAssigned(h, opt(n, "from", AgentId::of),
            opt(n, "to", AgentId::of));
        case "TicketEscalated" -> new TicketEscalated(h, SupportTier.parse(s(n, "from")),
            SupportTier.parse(s(n, "to")), opt(n, "reason", Function.identity()));
        default -> readMore(type, h, n);
      };
    }

    private static TicketEvent readMore(String type, EventHeader h, JsonNode n) {
      return switch (type) {
        case "TicketPriorityChanged" -> new TicketPriorityChanged(h,
            Priority.valueOf(s(n, "from")), Priority.valueOf(s(n, "to")));
        case "TicketCategoryChanged" -> new TicketCategoryChanged(h,
            opt(n, "from", Category::parse), opt(n, "to", Category::parse));
        case "TicketTagged" -> new TicketTagged(h, Tag.of(s(n, "tag")));
        case "TicketUntagged" -> new TicketUntagged(h, Tag.of(s(n, "tag")));
        case "TicketLinked" -> new TicketLinked(h, TicketLink.parse(s(n, "link")));
        case "TicketMerged" -> new TicketMerged(h, TicketId.parse(s(n, "into")));
        case "TicketRated" -> new TicketRated(h, rating(n));
        case "DissatisfactionFlagged" -> new DissatisfactionFlagged(h, rating(n));
        case "TicketReopened" -> new TicketReopened(h, n.path("previousCycle").asInt(),
            s(n, "transition"));
        case "TicketUrgentFlagged" -> new TicketUrgentFlagged(h, SupportTier.parse(s(n, "tier")),
            Priority.valueOf(s(n, "priority")));
        case "TicketEdited" -> new TicketEdited(h, fields(n.path("fields")));
        case "TicketRatingExpired" -> new dev.ticketkit.core.event.TicketRatingExpired(h);
        case "ProblemRecorded" -> new ProblemRecorded(h, opt(n, "before", ProblemRecord::parse),
            ProblemRecord.parse(s(n, "after")));
        case "IncidentResolutionProposed" -> new IncidentResolutionProposed(h,
            TicketId.parse(s(n, "problem")));
        case "HandoffOpened" -> new HandoffOpened(h, Handoff.parse(s(n, "handoff")));
        case "HandoffChecked" -> new HandoffChecked(h, Handoff.parse(s(n, "handoff")));
        case "HandoffClosed" -> new HandoffClosed(h, Handoff.parse(s(n, "handoff")));
        default -> throw new IllegalStateException("the outbox holds an unknown event type "
            + type);
      };
    }

    private static void rating(ObjectNode n, Rating rating) {
      n.put("satisfaction", rating.satisfaction().name())
          .put("comment", rating.comment())
          .put("reason", text(rating.reason()));
    }

    private static Rating rating(JsonNode n) {
      return new Rating(dev.ticketkit.core.Satisfaction.valueOf(s(n, "satisfaction")),
          opt(n, "comment", Function.identity()),
          opt(n, "reason", dev.ticketkit.core.DissatisfactionReason::parse));
    }

    private static ObjectNode entry(ConversationEntry e) {
      ObjectNode n = TicketJson.MAPPER.createObjectNode();
      n.put("visibility", e.visibility().name()).put("author", e.author().toString())
          .put("channel", e.channel().code()).put("at", IsoInstant.format(e.at()))
          .put("body", e.body());
      n.set("attachments", TicketJson.attachmentsNode(e.attachments()));
      return n;
    }

    private static ConversationEntry entry(EventHeader h, JsonNode n) {
      return new ConversationEntry(h.tenant(), h.ticketId(), h.ticketVersion(),
          Visibility.valueOf(s(n, "visibility")), Actor.parse(s(n, "author")),
          Channel.of(s(n, "channel")), Instant.parse(s(n, "at")), s(n, "body"),
          TicketJson.attachments(n.path("attachments")));
    }

    private static Set<String> fields(JsonNode array) {
      Set<String> fields = new LinkedHashSet<>();
      array.forEach(f -> fields.add(f.asText()));
      return fields;
    }

    private static @Nullable String text(@Nullable Object value) {
      return value == null ? null : value.toString();
    }

    private static String s(JsonNode n, String name) {
      return n.path(name).asText();
    }

    private static <T> @Nullable T opt(JsonNode n, String name, Function<String, T> parse) {
      JsonNode v = n.path(name);
      return v.isMissingNode() || v.isNull() ? null : parse.apply(v.asText());
    }
  }
}
