package dev.ticketkit.examples.month;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Satisfaction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * What will happen to one request, drawn when it arrives: what it is about, where it comes from,
 * and the steps of its journey. The steps and ratings do not change; the random source is drawn
 * from as the journey goes (the durations of its steps).
 *
 * @param kind what the request is about
 * @param channel where it arrives
 * @param priority its priority
 * @param subject its subject
 * @param steps its journey
 * @param ratings the ratings the requester gives, in order (one per {@link Step#RATE})
 * @param random the request's own random source, for the durations of its steps
 * @param department the department a {@link Step#HAND_OFF} goes to, or null without one
 * @param outage the outage the request is about, or null
 */
record Plan(SupportCatalogue.Kind kind, Channel channel, Priority priority, String subject,
    List<Step> steps, List<Satisfaction> ratings, SplittableRandom random,
    @Nullable String department, @Nullable Outage outage) {

  /** The technical team, which most handoffs go to. */
  static final String TECHNICAL = "technical";
  /** The finance team, which checks some refunds. */
  static final String FINANCE = "finance";

  /**
   * Draws a plan.
   *
   * @param kind what the request is about
   * @param channel where it arrives
   * @param r the request's random source
   * @return the plan
   */
  static Plan draw(SupportCatalogue.Kind kind, Channel channel, SplittableRandom r) {
    Priority priority = kind.priority(r);
    String subject = kind.subjects().get(r.nextInt(kind.subjects().size()));
    List<Step> steps = new ArrayList<>();
    List<Satisfaction> ratings = new ArrayList<>();
    steps.add(Step.FIRST_REPLY);
    if (Draw.chance(r, 0.03)) {
      steps.add(Step.REQUESTER_CANCELS);
      return new Plan(kind, channel, priority, subject, steps, ratings, r, null, null);
    }
    if (Draw.chance(r, 0.22)) {
      steps.add(Step.ASK_REQUESTER);
      if (Draw.chance(r, 0.1)) {
        steps.add(Step.CLOSE_UNANSWERED);
        return new Plan(kind, channel, priority, subject, steps, ratings, r, null, null);
      }
      steps.add(Step.REQUESTER_ANSWERS);
    }
    if (Draw.chance(r, 0.15)) {
      steps.add(Step.FOLLOW_UP);
      steps.add(Step.ANSWER_FOLLOW_UP);
    }
    int escalations = priority == Priority.URGENT ? 2
        : Draw.chance(r, 0.12) ? (Draw.chance(r, 0.2) ? 2 : 1) : 0;
    for (int i = 0; i < escalations; i++) {
      steps.add(Step.ESCALATE);
    }
    steps.add(Step.WORK);
    String department = department(kind, r);
    if (department != null) {
      steps.add(Step.HAND_OFF);
      steps.add(Step.HANDOFF_ANSWERED);
    }
    steps.add(Step.PROPOSE_RESOLUTION);
    rate(steps, ratings, r, kind.isComplaint() ? 0.25 : department != null ? 0.12 : 0.07);
    return new Plan(kind, channel, priority, subject, steps, ratings, r, department, null);
  }

  /**
   * Draws the plan of an outage's first ticket, which becomes its problem: accepted, marked a
   * problem, escalated to tier 2, handed to the technical team, whose answer comes with the fix;
   * then the problem is resolved (proposing the fix on every waiting incident) and so is it.
   *
   * @param kind what the request is about (an outage)
   * @param channel where it arrives
   * @param r the request's random source
   * @param outage the outage
   * @return the plan
   */
  static Plan problem(SupportCatalogue.Kind kind, Channel channel, SplittableRandom r,
      Outage outage) {
    String subject = kind.subjects().get(r.nextInt(kind.subjects().size()));
    List<Step> steps = new ArrayList<>(List.of(Step.FIRST_REPLY, Step.MARK_PROBLEM,
        Step.ESCALATE, Step.WORK, Step.HAND_OFF, Step.HANDOFF_ANSWERED, Step.RESOLVE_PROBLEM,
        Step.PROPOSE_RESOLUTION));
    List<Satisfaction> ratings = new ArrayList<>();
    rate(steps, ratings, r, 0.1);
    return new Plan(kind, channel, Priority.URGENT, subject, steps, ratings, r, TECHNICAL,
        outage);
  }

  /**
   * Draws the plan of another ticket about an outage: accepted, linked to the problem, then it
   * waits until the problem's resolution is proposed on it (the steps up to and including the
   * first {@link Step#PROPOSE_RESOLUTION} run only if the problem was resolved before the link,
   * or the proposal could not be made), and the requester rates.
   *
   * @param kind what the request is about (an outage)
   * @param channel where it arrives
   * @param r the request's random source
   * @param outage the outage
   * @return the plan
   */
  static Plan incident(SupportCatalogue.Kind kind, Channel channel, SplittableRandom r,
      Outage outage) {
    Priority priority = kind.priority(r);
    String subject = kind.subjects().get(r.nextInt(kind.subjects().size()));
    List<Step> steps = new ArrayList<>(List.of(Step.FIRST_REPLY, Step.LINK_PROBLEM, Step.WORK,
        Step.PROPOSE_RESOLUTION));
    List<Satisfaction> ratings = new ArrayList<>();
    rate(steps, ratings, r, 0.12);
    return new Plan(kind, channel, priority, subject, steps, ratings, r, null, outage);
  }

  /** Returns the department a request is handed to while it is worked on, or null. */
  private static @Nullable String department(SupportCatalogue.Kind kind, SplittableRandom r) {
    String category = kind.category().toString();
    double p = category.startsWith("technical/") ? 0.35
        : category.equals("product/defect") ? 0.25 : category.equals("payment/refund") ? 0.1 : 0;
    if (!Draw.chance(r, p)) {
      return null;
    }
    return category.equals("payment/refund") ? FINANCE : TECHNICAL;
  }

  /** Adds the requester's rating steps (and the rework after a dissatisfied one). */
  private static void rate(List<Step> steps, List<Satisfaction> ratings, SplittableRandom r,
      double dissatisfied) {
    Satisfaction first = rating(r, dissatisfied);
    if (first != null) {
      steps.add(Step.RATE);
      ratings.add(first);
      if (first == Satisfaction.DISSATISFIED) {
        steps.add(Step.REWORK_REPLY);
        steps.add(Step.WORK);
        steps.add(Step.PROPOSE_RESOLUTION);
        Satisfaction second = rating(r, 0.0);
        if (second != null) {
          steps.add(Step.RATE);
          ratings.add(second);
        }
      }
    }
  }

  /** Returns a rating, or null when the requester does not rate (the ticket auto-closes). */
  private static Satisfaction rating(SplittableRandom r, double dissatisfied) {
    double x = r.nextDouble();
    if (x < 0.14) {
      return null;
    }
    if (x < 0.14 + dissatisfied) {
      return Satisfaction.DISSATISFIED;
    }
    return x < 0.3 + dissatisfied ? Satisfaction.NEUTRAL : Satisfaction.SATISFIED;
  }
}
