package dev.ticketkit.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The public replies a {@link ProblemDesk} sends to the requesters of a problem's incidents: when
 * the problem's resolution is proposed on an incident, and when the expected fix date changes.
 * Implementations must be thread-safe and must not write.
 */
public interface ProblemReplies {

  /**
   * Returns the reply that proposes the problem's resolution on an incident.
   *
   * @param incident the incident, before the change
   * @param problem the problem, resolved
   * @return the reply, on the incident's channel as a rule
   */
  Message resolutionProposed(Ticket incident, Ticket problem);

  /**
   * Returns the reply that tells an incident's requester the expected fix date changed.
   *
   * @param incident the incident
   * @param problem the problem, with its new date (possibly none)
   * @return the reply
   */
  Message fixDateChanged(Ticket incident, Ticket problem);

  /**
   * Returns the standard replies in Chinese ({@code zh}) or, for any other language, English,
   * formatted with {@link MessageFormat} in that locale.
   *
   * @param locale the requesters' locale
   * @return the replies
   * @throws NullPointerException if the locale is null
   */
  static ProblemReplies standard(Locale locale) {
    boolean zh = Objects.requireNonNull(locale, "locale").getLanguage().equals("zh");
    String proposed = zh
        ? "您反馈的问题（工单 #{0}）已随问题单 #{1} 一并解决：{2}\n请确认是否已修复。"
        : "The issue you reported (ticket #{0}) is solved together with problem #{1}: {2}\n"
            + "Please confirm whether it is fixed.";
    String dated = zh
        ? "关于工单 #{0}：修复预计发布日期已更新为 {1}。我们会持续跟进。"
        : "About ticket #{0}: the fix is now expected to be released on {1}. We keep following it.";
    String unknown = zh ? "待定" : "a date still to be confirmed";
    return new ProblemReplies() {
      @Override
      public Message resolutionProposed(Ticket incident, Ticket problem) {
        String summary = problem.problem() == null ? "" : problem.problem().resolution();
        return Message.of(incident.channel(), new MessageFormat(proposed, locale).format(
            new Object[] {String.valueOf(incident.number()), String.valueOf(problem.number()),
                summary}));
      }

      @Override
      public Message fixDateChanged(Ticket incident, Ticket problem) {
        Object date = problem.problem() == null || problem.problem().fixExpectedOn() == null
            ? unknown : problem.problem().fixExpectedOn().toString();
        return Message.of(incident.channel(), new MessageFormat(dated, locale).format(
            new Object[] {String.valueOf(incident.number()), date}));
      }
    };
  }
}
