package dev.ticketkit.core;

import dev.ticketkit.core.event.IncidentResolutionProposed;
import dev.ticketkit.core.event.ProblemRecorded;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.workflow.Transition;
import dev.ticketkit.core.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Problems and their incidents: mark a ticket a problem (a defect behind several tickets), link
 * incidents to it, follow the fix, and propose its resolution on every incident still open.
 *
 * <p>Every change is a write through the {@link TicketService} it was made with: the problem's
 * record is the ticket field {@link Ticket#problem()} (history action {@code PROBLEM_RECORDED},
 * event {@link ProblemRecorded}); an incident links to its problem with
 * {@link LinkType#INCIDENT_OF_PROBLEM}, which every store indexes for the reverse look-up
 * ({@link dev.ticketkit.core.store.TicketQueryBuilder#linkedTo}).
 *
 * <p>{@link #resolve} records the resolution on the problem, then proposes it on each open
 * incident in a write of its own, at the version it read when it listed the incidents: an incident
 * that changed since is reported in {@link ProblemResolution#changed()} and left alone, and an
 * incident already proposed is resolved, so it is not open and not proposed again. Running
 * {@code resolve} again after an interruption (or concurrently) therefore proposes each incident
 * exactly once. A change of the expected fix date tells the requester of every open incident by a
 * public reply ({@link ProblemReplies}). Thread-safe if the service is.
 */
public final class ProblemDesk {

  /** How often a notification retries an incident that keeps changing. */
  private static final int ATTEMPTS = 5;
  private static final Set<ActorKind> TEAM = EnumSet.of(ActorKind.AGENT, ActorKind.SYSTEM);
  private static final TextRule SUMMARY = TextRule.text(Ticket.MAX_RESOLUTION_SUMMARY_LENGTH);

  private final TicketService service;
  private final ProblemReplies replies;

  private ProblemDesk(TicketService service, ProblemReplies replies) {
    this.service = service;
    this.replies = replies;
  }

  /**
   * Returns the desk of a service.
   *
   * @param service the service every change goes through
   * @param replies the public replies to incidents' requesters
   * @return the desk
   * @throws NullPointerException if an argument is null
   */
  public static ProblemDesk of(TicketService service, ProblemReplies replies) {
    return new ProblemDesk(Texts.notNull("service", service), Texts.notNull("replies", replies));
  }

  /**
   * Marks a ticket a problem, or changes its record (the report to the technical team, the
   * expected fix date). When the date of a ticket that already was a problem changes, the
   * requester of each open incident gets a public reply with the new date, each in its own write.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param problem the ticket
   * @param expectedVersion the version the caller read
   * @param record the record; its resolution must be the stored one (set by {@link #resolve})
   * @return the problem after the change, and the incidents whose requesters were told
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor a requester, or the record
   *     changes the resolution
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is closed
   */
  public ProblemUpdate record(TenantId tenant, Actor actor, TicketId problem,
      long expectedVersion, ProblemRecord record) {
    Texts.notNull("record", record);
    ProblemRecord[] before = new ProblemRecord[1];
    Ticket after = service.write(tenant, actor, problem, expectedVersion, d -> {
      requireTeam(d, "record a problem");
      ProblemRecord current = d.current().problem();
      before[0] = current;
      if (!Objects.equals(current == null ? null : current.resolution(), record.resolution())) {
        throw new InvalidInputException("problem.resolution", record.resolution(),
            "is set by resolve only");
      }
      setRecord(d, current, record);
    });
    boolean dateChanged = before[0] != null
        && !Objects.equals(before[0].fixExpectedOn(), record.fixExpectedOn());
    return new ProblemUpdate(after, dateChanged ? notifyFixDate(tenant, actor, after) : List.of());
  }

  /**
   * Links an incident to its problem ({@link LinkType#INCIDENT_OF_PROBLEM}). Linking it again to
   * the same problem changes nothing.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param incident the incident
   * @param expectedVersion the version of the incident the caller read
   * @param problem the problem
   * @return the incident after the change
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor a requester, the problem not
   *     a problem ticket or the incident itself, or the incident already linked to another problem
   * @throws TicketNotFoundException if the tenant has no such incident or problem
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the problem is closed
   */
  public Ticket linkIncident(TenantId tenant, Actor actor, TicketId incident, long expectedVersion,
      TicketId problem) {
    Texts.notNull("problem", problem);
    Ticket p = service.get(tenant, problem)
        .orElseThrow(() -> new TicketNotFoundException(tenant, problem));
    if (p.problem() == null) {
      throw new InvalidInputException("problem", problem, "is not a problem ticket");
    }
    if (p.status().category() == StatusCategory.CLOSED) {
      throw new TicketStateException(p.id(), p.status(), "link an incident to",
          "the problem is closed");
    }
    return service.write(tenant, actor, incident, expectedVersion, d -> {
      requireTeam(d, "link an incident");
      for (TicketLink l : d.current().links()) {
        if (l.type() == LinkType.INCIDENT_OF_PROBLEM && !l.target().equals(problem)) {
          throw new InvalidInputException("incident", incident,
              "is already an incident of problem " + l.target());
        }
      }
      Operations.link(d, true, TicketLink.of(LinkType.INCIDENT_OF_PROBLEM, problem));
    });
  }

  /**
   * Returns a problem's incidents, in number order.
   *
   * @param tenant the tenant
   * @param problem the problem
   * @return the incidents, whatever their state
   * @throws NullPointerException if an argument is null
   */
  public List<Ticket> incidents(TenantId tenant, TicketId problem) {
    return all(tenant, TicketQuery.builder().linkedTo(LinkType.INCIDENT_OF_PROBLEM,
        Texts.notNull("problem", problem)).limit(TicketQuery.MAX_LIMIT).build());
  }

  /**
   * Returns the problem of an incident.
   *
   * @param tenant the tenant
   * @param incident the incident
   * @return the problem, or empty if the ticket is no incident (or does not exist)
   * @throws NullPointerException if an argument is null
   */
  public Optional<Ticket> problemOf(TenantId tenant, TicketId incident) {
    return service.get(tenant, incident).flatMap(t -> t.links().stream()
        .filter(l -> l.type() == LinkType.INCIDENT_OF_PROBLEM).findFirst())
        .flatMap(l -> service.get(tenant, l.target()));
  }

  /**
   * Returns the tenant's open problems (NEW, OPEN or PENDING) with the number of their open
   * incidents, most incidents first (then by number).
   *
   * @param tenant the tenant
   * @return the problems
   * @throws NullPointerException if the tenant is null
   */
  public List<ProblemLoad> openProblems(TenantId tenant) {
    List<ProblemLoad> out = new ArrayList<>();
    for (Ticket p : all(tenant, TicketQuery.builder().problemsOnly().statusCategories(
        StatusCategory.NEW, StatusCategory.OPEN, StatusCategory.PENDING)
        .limit(TicketQuery.MAX_LIMIT).build())) {
      out.add(new ProblemLoad(p, service.count(tenant, openIncidentsQuery(p.id()))));
    }
    out.sort(Comparator.comparingLong(ProblemLoad::openIncidents).reversed()
        .thenComparingLong(l -> l.problem().number()));
    return out;
  }

  /**
   * Resolves a problem: records the resolution summary on it (unless it holds that summary
   * already), then proposes it on every open incident, each in its own write: the incident gets
   * the summary, a public reply ({@link ProblemReplies#resolutionProposed}), the transitions the
   * actor may fire to reach a RESOLVED state, and {@link IncidentResolutionProposed}. Safe to run
   * again, and to run concurrently: see the class description.
   *
   * @param tenant the tenant
   * @param actor an agent (who may move the incidents) or the system
   * @param problem the problem
   * @param summary the resolution summary, 1 to {@value Ticket#MAX_RESOLUTION_SUMMARY_LENGTH}
   *     characters
   * @return the problem and what happened to each open incident
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the summary blank or too long, the
   *     actor a requester, or the ticket not a problem
   * @throws TicketNotFoundException if the tenant has no such problem
   * @throws TicketStateException if the problem is closed, or resolved with another summary
   */
  public ProblemResolution resolve(TenantId tenant, Actor actor, TicketId problem,
      String summary) {
    String checked = SUMMARY.require("summary", summary);
    Texts.notNull("actor", actor);
    Ticket p = ConflictRetry.run(ATTEMPTS, () -> resolveProblem(tenant, actor, problem, checked));
    List<TicketId> proposed = new ArrayList<>();
    List<TicketId> changed = new ArrayList<>();
    List<TicketId> refused = new ArrayList<>();
    for (Ticket incident : all(tenant, openIncidentsQuery(problem))) {
      List<String> path = pathToResolved(service.workflow(), incident.status(), actor.kind());
      if (path == null) {
        refused.add(incident.id());
        continue;
      }
      try {
        service.write(tenant, actor, incident.id(), incident.version(),
            d -> propose(d, p, path));
        proposed.add(incident.id());
      } catch (TicketConflictException e) {
        changed.add(incident.id());
      } catch (TicketStateException e) {
        refused.add(incident.id());
      }
    }
    return new ProblemResolution(p, proposed, changed, refused);
  }

  private Ticket resolveProblem(TenantId tenant, Actor actor, TicketId problem, String summary) {
    Ticket c = service.require(tenant, problem);
    ProblemRecord rec = c.problem();
    if (rec == null) {
      throw new InvalidInputException("problem", problem, "is not a problem ticket");
    }
    if (rec.isResolved()) {
      if (rec.resolution().equals(summary)) {
        return c;
      }
      throw new TicketStateException(c.id(), c.status(), "resolve",
          "the problem is already resolved with another summary");
    }
    return service.write(tenant, actor, c.id(), c.version(), d -> {
      requireTeam(d, "resolve a problem");
      d.builder.resolutionSummary(summary);
      d.stage(HistoryAction.EDITED);
      setRecord(d, rec, rec.withResolution(summary));
    });
  }

  private void propose(Draft d, Ticket problem, List<String> path) {
    String summary = Objects.requireNonNull(problem.problem()).resolution();
    d.cause(() -> "problem #" + problem.number() + " resolved: its resolution is proposed");
    d.builder.resolutionSummary(summary);
    d.stage(HistoryAction.EDITED);
    Operations.reply(d, service.workflow(), replies.resolutionProposed(d.before, problem));
    for (String transition : path) {
      d.fire(transition);
    }
    d.addLeadEvent(h -> new IncidentResolutionProposed(h, problem.id()));
  }

  private List<TicketId> notifyFixDate(TenantId tenant, Actor actor, Ticket problem) {
    List<TicketId> notified = new ArrayList<>();
    for (Ticket incident : all(tenant, openIncidentsQuery(problem.id()))) {
      try {
        Ticket told = ConflictRetry.run(ATTEMPTS, () -> {
          Ticket c = service.require(tenant, incident.id());
          if (!c.status().category().isActive()) {
            return null;
          }
          return service.write(tenant, actor, c.id(), c.version(), d -> {
            d.cause(() -> "problem #" + problem.number() + ": the expected fix date changed");
            Operations.reply(d, service.workflow(), replies.fixDateChanged(c, problem));
          });
        });
        if (told != null) {
          notified.add(incident.id());
        }
      } catch (TicketConflictException e) {
        // The incident kept changing; its requester hears of the date with the next change.
      }
    }
    return notified;
  }

  private static void setRecord(Draft d, @Nullable ProblemRecord before, ProblemRecord after) {
    d.builder.set(TicketFields.PROBLEM, after);
    d.stage(HistoryAction.PROBLEM_RECORDED);
    if (!after.equals(before)) {
      d.addLeadEvent(h -> new ProblemRecorded(h, before, after));
    }
  }

  /**
   * The shortest chain of transitions the actor kind may fire from a state, through NEW and OPEN
   * states, to a RESOLVED state; null if there is none. Guards are checked when they fire.
   */
  static @Nullable List<String> pathToResolved(Workflow workflow, Status from, ActorKind kind) {
    Map<String, List<String>> paths = new HashMap<>();
    paths.put(from.name(), List.of());
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(from.name()));
    while (!queue.isEmpty()) {
      String state = queue.poll();
      for (Transition t : workflow.transitionsFrom(state)) {
        if (!t.actors().contains(kind) || t.returnsToPrevious() || paths.containsKey(t.to())) {
          continue;
        }
        List<String> path = new ArrayList<>(paths.get(state));
        path.add(t.name());
        StatusCategory category = workflow.status(t.to()).category();
        if (category == StatusCategory.RESOLVED) {
          return path;
        }
        if (category == StatusCategory.NEW || category == StatusCategory.OPEN) {
          paths.put(t.to(), path);
          queue.add(t.to());
        }
      }
    }
    return null;
  }

  private static TicketQuery openIncidentsQuery(TicketId problem) {
    return TicketQuery.builder().linkedTo(LinkType.INCIDENT_OF_PROBLEM, problem)
        .statusCategories(StatusCategory.NEW, StatusCategory.OPEN, StatusCategory.PENDING)
        .limit(TicketQuery.MAX_LIMIT).build();
  }

  private List<Ticket> all(TenantId tenant, TicketQuery query) {
    List<Ticket> out = new ArrayList<>();
    PageCursor cursor = null;
    do {
      Page<Ticket> page = service.query(tenant, query.withAfter(cursor));
      out.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    return out;
  }

  private static void requireTeam(Draft d, String operation) {
    if (!TEAM.contains(d.actor.kind())) {
      throw new InvalidInputException(
          "actor", d.actor, "may not " + operation + "; allowed kinds are " + TEAM);
    }
    if (d.before.status().category() == StatusCategory.CLOSED) {
      throw new TicketStateException(
          d.before.id(), d.before.status(), operation, "the ticket is closed");
    }
  }
}
