package dev.ticketkit.benchmarks.compare;

import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.jdbc.DatabaseKind;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.Subject;
import pro.taskana.TaskanaConfiguration;
import pro.taskana.classification.api.ClassificationService;
import pro.taskana.classification.api.models.Classification;
import pro.taskana.common.api.TaskanaEngine;
import pro.taskana.common.api.TaskanaEngine.ConnectionManagementMode;
import pro.taskana.common.api.TaskanaRole;
import pro.taskana.common.api.security.UserPrincipal;
import pro.taskana.task.api.TaskService;
import pro.taskana.task.api.models.Task;
import pro.taskana.workbasket.api.WorkbasketPermission;
import pro.taskana.workbasket.api.WorkbasketService;
import pro.taskana.workbasket.api.WorkbasketType;
import pro.taskana.workbasket.api.models.Workbasket;
import pro.taskana.workbasket.api.models.WorkbasketAccessItem;

/**
 * TASKANA (the embeddable Java task library a team could pick instead) on PostgreSQL (or H2,
 * which TASKANA also supports; {@code --stores}): security
 * on, one group workbasket with an access item for the clerk, one classification; a lifecycle
 * is create a task in the workbasket, claim, update (a note), complete: four API calls, run as
 * the clerk. The engine commits each call ({@link ConnectionManagementMode#AUTOCOMMIT}: a
 * standalone host has no outer transaction); its job scheduler is off. Thread-safe.
 */
final class TaskanaSystem implements LifecycleSystem {

  private static final String SCHEMA = "taskana";
  private static final String DOMAIN = "DOMAIN_A";
  private static final String CLERK = "clerk";
  private static final String ADMIN = "admin";
  private static final String CLASSIFICATION = "L10000";
  /** TASKANA's H2 schema script names columns KEY and VALUE, keywords since H2 2.0. */
  private static final String H2_OPTIONS = ";NON_KEYWORDS=KEY,VALUE";

  private final String name;
  private final String database;
  private final HikariDataSource pool;
  private final CountingDataSource counting;
  private final TaskService tasks;
  private final String workbasketId;
  private final AtomicLong orders = new AtomicLong();

  private TaskanaSystem(String name, String database, HikariDataSource pool,
      CountingDataSource counting, TaskanaEngine engine, String workbasketId) {
    this.name = name;
    this.database = database;
    this.pool = pool;
    this.counting = counting;
    this.tasks = engine.getTaskService();
    this.workbasketId = workbasketId;
  }

  /**
   * Creates the system in a fresh database of its own (schema {@code taskana}, created by
   * TASKANA's own schema script), with its workbasket, access item and classification.
   *
   * @param store the store (PostgreSQL or H2; TASKANA has no MariaDB support)
   * @param name the report's name
   * @param poolSize connections
   * @param analyzed false to switch autovacuum off on every table
   * @param connectionTimeoutMillis how long a borrower waits for a connection
   * @return the system
   * @throws Exception if the store or TASKANA fails, or the store is MariaDB
   */
  static TaskanaSystem create(Store store, String name, int poolSize, boolean analyzed,
      long connectionTimeoutMillis) throws Exception {
    if (store.kind() == DatabaseKind.MARIADB) {
      throw new IllegalArgumentException("TASKANA 8.2 supports DB2, H2, Oracle and PostgreSQL,"
          + " not MariaDB or MySQL (no schema script, no SQL dialect for them)");
    }
    String database = "tk17_taskana";
    store.recreateDatabase(database, null);
    HikariDataSource pool = store.kind() == DatabaseKind.H2
        ? Store.openPool(store.urlOf(database, null) + H2_OPTIONS, "tk17-taskana-" + store.name(),
            poolSize, connectionTimeoutMillis)
        : store.pool(database, null, poolSize, connectionTimeoutMillis);
    CountingDataSource counting = CountingDataSource.wrap(pool);
    TaskanaEngine engine = TaskanaEngine.buildTaskanaEngine(configuration(counting),
        ConnectionManagementMode.AUTOCOMMIT);
    if (!analyzed) {
      store.disableStatistics(pool, SCHEMA);
    }
    String workbasketId = as(ADMIN, () -> setUp(engine));
    return new TaskanaSystem(name, database, pool, counting, engine, workbasketId);
  }

  private static TaskanaConfiguration configuration(CountingDataSource dataSource) {
    Map<TaskanaRole, Set<String>> roles = new HashMap<>();
    for (TaskanaRole role : TaskanaRole.values()) {
      roles.put(role, new HashSet<>());
    }
    roles.get(TaskanaRole.ADMIN).add(ADMIN);
    roles.get(TaskanaRole.USER).add(CLERK);
    Map<String, List<String>> categories = new HashMap<>();
    categories.put("TASK", new ArrayList<>(List.of("EXTERNAL")));
    return new TaskanaConfiguration.Builder(dataSource, false, SCHEMA, true)
        .domains(new ArrayList<>(List.of(DOMAIN)))
        .classificationTypes(new ArrayList<>(List.of("TASK")))
        .classificationCategoriesByType(categories)
        .roleMap(roles)
        .jobSchedulerEnabled(false)
        .build();
  }

  private static String setUp(TaskanaEngine engine) throws Exception {
    WorkbasketService workbaskets = engine.getWorkbasketService();
    Workbasket wb = workbaskets.newWorkbasket("SUPPORT", DOMAIN);
    wb.setName("Support queue");
    wb.setType(WorkbasketType.GROUP);
    wb = workbaskets.createWorkbasket(wb);
    WorkbasketAccessItem access = workbaskets.newWorkbasketAccessItem(wb.getId(), CLERK);
    for (WorkbasketPermission permission : WorkbasketPermission.values()) {
      access.setPermission(permission, true);
    }
    workbaskets.createWorkbasketAccessItem(access);
    ClassificationService classifications = engine.getClassificationService();
    Classification c = classifications.newClassification(CLASSIFICATION, DOMAIN, "TASK");
    c.setCategory("EXTERNAL");
    c.setName("Payment problem");
    c.setServiceLevel("P1D");
    classifications.createClassification(c);
    return wb.getId();
  }

  @Override
  public void lifecycle() throws Exception {
    Task task = tasks.newTask(workbasketId);
    task.setClassificationKey(CLASSIFICATION);
    task.setName("支付后订单仍显示未付款");
    task.setDescription("Paid with WeChat Pay at 10:02; the order still shows unpaid.");
    task.setPrimaryObjRef("SHOP", "WECHAT", "PAY", "ORDER",
        "order-" + orders.incrementAndGet());
    task = tasks.createTask(task);
    task = tasks.claim(task.getId());
    task.setNote("已为您核实，款项已到账，订单状态已更新。");
    task = tasks.updateTask(task);
    tasks.completeTask(task.getId());
  }

  @Override
  public void asWorker(Callable<Void> loop) throws Exception {
    as(CLERK, loop);
  }

  @SuppressWarnings("removal") // Subject.doAs is how TASKANA 8 learns the caller on Java 17
  private static <T> T as(String user, Callable<T> work) throws Exception {
    Subject subject = new Subject();
    subject.getPrincipals().add(new UserPrincipal(user));
    try {
      return Subject.doAs(subject, (PrivilegedExceptionAction<T>) work::call);
    } catch (java.security.PrivilegedActionException e) {
      throw e.getException();
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int callsPerLifecycle() {
    return 4;
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public HikariDataSource pool() {
    return pool;
  }

  @Override
  public CountingDataSource counting() {
    return counting;
  }

  @Override
  public void close() {
    pool.close();
  }
}
