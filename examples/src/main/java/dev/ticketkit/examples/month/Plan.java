package dev.ticketkit.examples.month;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Satisfaction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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
 */
record Plan(SupportCatalogue.Kind kind, Channel channel, Priority priority, String subject,
    List<Step> steps, List<Satisfaction> ratings, SplittableRandom random) {

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
      return new Plan(kind, channel, priority, subject, steps, ratings, r);
    }
    if (Draw.chance(r, 0.22)) {
      steps.add(Step.ASK_REQUESTER);
      if (Draw.chance(r, 0.1)) {
        steps.add(Step.CLOSE_UNANSWERED);
        return new Plan(kind, channel, priority, subject, steps, ratings, r);
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
    steps.add(Step.PROPOSE_RESOLUTION);
    Satisfaction first = rating(r, kind.isComplaint() ? 0.25 : 0.07);
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
    return new Plan(kind, channel, priority, subject, steps, ratings, r);
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
