package dev.ticketkit.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A ticket handed to another department or team (technical, finance, logistics...) beyond the
 * tier ladder: who handed it over, to whom, what is asked, when an answer is expected, and where
 * it stands. The ticket stays with its owner; a ticket keeps all its handoffs
 * ({@link Ticket#handoffs()}), numbered from 1, and each change of one is a history entry.
 *
 * <p>The text form is a JSON object; {@link #parse(String)} reads it back. Instances are immutable
 * and thread-safe.
 *
 * @param seq the handoff's number within the ticket, 1 or more
 * @param department the department's code: 1 to 64 lower-case letters, digits, {@code -} or
 *     {@code _}, starting with a letter ({@code "technical"}, {@code "finance"})
 * @param handedBy the agent who handed the ticket over
 * @param ask what is asked, 1 to {@value #MAX_TEXT_LENGTH} characters
 * @param answerExpectedBy when an answer is expected, or null if not agreed
 * @param state where it stands
 * @param openedAt when it was handed over
 * @param lastCheckedAt when the owner last asked the department for news, or null
 * @param outcome the department's answer or the reason it was returned, null while open
 * @param closedAt when it was answered or returned, null while open
 */
public record Handoff(int seq, String department, AgentId handedBy, String ask,
    @Nullable Instant answerExpectedBy, HandoffState state, Instant openedAt,
    @Nullable Instant lastCheckedAt, @Nullable String outcome, @Nullable Instant closedAt) {

  /** The longest ask or outcome accepted. */
  public static final int MAX_TEXT_LENGTH = 4_000;

  private static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  private static final TextRule TEXT = TextRule.text(MAX_TEXT_LENGTH);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Validates the handoff.
   *
   * @throws InvalidInputException if a part is missing or malformed, or open and closed disagree
   */
  public Handoff {
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(handedBy, "handedBy");
    Objects.requireNonNull(ask, "ask");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(openedAt, "openedAt");
    if (seq < 1) {
      throw new InvalidInputException("handoff.seq", seq, "must be 1 or more");
    }
    if (department == null || !DEPARTMENT.matcher(department).matches()) {
      throw new InvalidInputException("handoff.department", department,
          "must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter");
    }
    Texts.notNull("handoff.handedBy", handedBy);
    ask = TEXT.require("handoff.ask", ask);
    Texts.notNull("handoff.state", state);
    Texts.notNull("handoff.openedAt", openedAt);
    TEXT.optional("handoff.outcome", outcome);
    if (state.isOpen() != (closedAt == null) || state.isOpen() != (outcome == null)) {
      throw new InvalidInputException("handoff.state", state,
          "must be OPEN exactly when there is no outcome and no closing instant");
    }
  }

  /**
   * Returns a copy checked at an instant.
   *
   * @param at when the department was asked for news
   * @return the copy
   */
  public Handoff checkedAt(Instant at) {
    return new Handoff(seq, department, handedBy, ask, answerExpectedBy, state, openedAt, at,
        outcome, closedAt);
  }

  /**
   * Returns a copy closed with an outcome.
   *
   * @param how ANSWERED or RETURNED
   * @param text the answer or the reason
   * @param at when
   * @return the copy
   * @throws InvalidInputException if the state is OPEN or the text blank or too long
   */
  public Handoff closed(HandoffState how, String text, Instant at) {
    if (how.isOpen()) {
      throw new InvalidInputException("handoff.state", how, "must be ANSWERED or RETURNED");
    }
    return new Handoff(seq, department, handedBy, ask, answerExpectedBy, how, openedAt,
        lastCheckedAt, text, at);
  }

  /**
   * Returns the earliest opening instant of the open handoffs.
   *
   * @param handoffs the handoffs
   * @return the instant, or null if none is open
   */
  public static @Nullable Instant openSince(Collection<Handoff> handoffs) {
    return handoffs.stream().filter(h -> h.state().isOpen()).map(Handoff::openedAt)
        .min(Comparator.naturalOrder()).orElse(null);
  }

  /**
   * Parses the text form.
   *
   * @param text the JSON text
   * @return the handoff
   * @throws InvalidInputException if the text is not a handoff's JSON form
   */
  public static Handoff parse(@Nullable String text) {
    try {
      return read(JSON.readTree(Objects.requireNonNull(text, "handoff")));
    } catch (JsonProcessingException | DateTimeException | NullPointerException
        | IllegalArgumentException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException("handoff", text, "is not a handoff's JSON form");
    }
  }

  static String listJson(List<Handoff> handoffs) {
    ArrayNode a = JSON.createArrayNode();
    handoffs.forEach(h -> a.add(h.node()));
    return a.toString();
  }

  static List<Handoff> listFromJson(String json) {
    try {
      List<Handoff> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(json)) {
        out.add(read(n));
      }
      return out;
    } catch (JsonProcessingException | DateTimeException | NullPointerException
        | IllegalArgumentException e) {
      throw new InvalidInputException(TicketField.HANDOFFS, json, "is not the field's JSON form");
    }
  }

  private static Handoff read(JsonNode n) {
    return new Handoff(n.path("seq").asInt(), n.path("department").textValue(),
        AgentId.of(n.path("handedBy").textValue()), n.path("ask").textValue(),
        instant(n, "answerExpectedBy"), HandoffState.valueOf(n.path("state").textValue()),
        Objects.requireNonNull(instant(n, "openedAt"), "openedAt"), instant(n, "lastCheckedAt"),
        n.path("outcome").textValue(), instant(n, "closedAt"));
  }

  private static @Nullable Instant instant(JsonNode n, String name) {
    String v = n.path(name).textValue();
    return v == null ? null : Instant.parse(v);
  }

  private ObjectNode node() {
    ObjectNode n = JSON.createObjectNode();
    n.put("seq", seq).put("department", department).put("handedBy", handedBy.value())
        .put("ask", ask).put("answerExpectedBy", text(answerExpectedBy))
        .put("state", state.name()).put("openedAt", openedAt.toString())
        .put("lastCheckedAt", text(lastCheckedAt)).put("outcome", outcome)
        .put("closedAt", text(closedAt));
    return n;
  }

  private static @Nullable String text(@Nullable Instant i) {
    return i == null ? null : i.toString();
  }

  /** Returns the JSON text form, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return node().toString();
  }
}
