package dev.ticketkit.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reads a ticket's flat text form back into a {@link TicketBuilder}. Stateless and thread-safe. */
final class ReplayDecoder {

  private ReplayDecoder() {}

  static Ticket decode(FieldCodec.Flat flat, TicketBuilder b) {
    Map<String, String> s = flat.scalars();
    b.number(number(s, TicketField.NUMBER))
        .requester(FieldCodec.parseRequester(required(s, TicketField.REQUESTER)))
        .channel(Channel.parse(s.get(TicketField.CHANNEL)))
        .subject(required(s, TicketField.SUBJECT))
        .description(required(s, TicketField.DESCRIPTION))
        .scenario(s.get(TicketField.SCENARIO))
        .errorMessage(s.get(TicketField.ERROR_MESSAGE))
        .reproductionSteps(s.get(TicketField.REPRODUCTION_STEPS))
        .accountReference(s.get(TicketField.ACCOUNT_REFERENCE))
        .category(optional(s, TicketField.CATEGORY, Category::parse))
        .priority(Priority.parse(s.get(TicketField.PRIORITY)))
        .status(Status.parse(s.get(TicketField.STATUS)))
        .returnStatus(optional(s, TicketField.RETURN_STATUS, Status::parse))
        .acceptedBy(optional(s, TicketField.ACCEPTED_BY, AgentId::of))
        .assignee(optional(s, TicketField.ASSIGNEE, AgentId::of))
        .tier(SupportTier.parse(s.get(TicketField.TIER)))
        .rating(optional(s, TicketField.RATING, Rating::parse))
        .resolutionSummary(s.get(TicketField.RESOLUTION_SUMMARY))
        .cycle((int) number(s, TicketField.CYCLE))
        .customFields(customFields(s));
    b.attachments(elements(flat, TicketField.ATTACHMENTS, Attachment::parse))
        .tags(new TreeSet<>(elements(flat, TicketField.TAGS, Tag::of)))
        .links(elements(flat, TicketField.LINKS, TicketLink::parse));
    return b.build();
  }

  private static String required(Map<String, String> s, String field) {
    String value = s.get(field);
    if (value == null) {
      throw new InvalidInputException("history", field, "never sets this required field");
    }
    return value;
  }

  private static long number(Map<String, String> s, String field) {
    String text = required(s, field);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, text, "must be a whole number");
    }
  }

  private static <T> @Nullable T optional(
      Map<String, String> s, String field, Function<String, T> parse) {
    String text = s.get(field);
    return text == null ? null : parse.apply(text);
  }

  private static Map<String, CustomFieldValue> customFields(Map<String, String> s) {
    Map<String, CustomFieldValue> fields = new LinkedHashMap<>();
    s.forEach((field, text) -> {
      if (field.startsWith(TicketField.CUSTOM_PREFIX)) {
        fields.put(field.substring(TicketField.CUSTOM_PREFIX.length()),
            CustomFieldValue.parse(text));
      }
    });
    return fields;
  }

  private static <T> List<T> elements(
      FieldCodec.Flat flat, String field, Function<String, T> parse) {
    List<T> values = new ArrayList<>();
    flat.sets().get(field).forEach(text -> values.add(parse.apply(text)));
    return values;
  }
}
