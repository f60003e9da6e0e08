package io.openvpc.control.task;

import io.openvpc.control.Change;
import io.openvpc.control.Ledger;
import io.openvpc.control.Validate;
import io.openvpc.model.Indexes;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.Task;
import io.openvpc.model.Topology;
import java.time.Clock;
import java.util.List;

/**
 * The tasks of calls Tencent runs asynchronously (ENI and HAVIP changes): the call's request ID is the
 * task ID that {@code DescribeVpcTaskResult} reports on. OpenVPC finishes the work inside the call and
 * records the task, in the same transaction, as already {@code SUCCESS}; {@code output} holds the IDs
 * of the resources the call changed (or reported on), {@code detail} what a reporting call found. The newest {@value #KEEP} tasks of a scope are kept.
 */
public final class TaskService {
  public static final int KEEP = 1000;
  public static final String SUCCESS = "SUCCESS";

  private final Ledger ledger;
  private final Clock clock;

  public TaskService(Ledger ledger) {
    this(ledger, Clock.systemUTC());
  }

  public TaskService(Ledger ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Records a finished task within {@code change}, dropping the oldest beyond {@link #KEEP}. */
  public static void record(Change change, Clock clock, String requestId, String action, List<String> resourceIds) {
    record(change, clock, requestId, action, resourceIds, "");
  }

  /** Records a finished task with an output text (what DescribeVpcTaskResult reports as {@code Output}). */
  public static void record(Change change, Clock clock, String requestId, String action, List<String> resourceIds,
      String output) {
    if (requestId == null || requestId.isEmpty()) {
      return;
    }
    Topology t = change.current();
    if (t.count(Task.class) >= KEEP) {
      t.range(Indexes.TASK_OLDEST, false, 0, 1).forEach(change::delete);
    }
    change.put(new Task(requestId, action, SUCCESS, String.join(",", resourceIds), clock.instant(), output));
  }

  /**
   * Records a finished task for a call that did its work in a transaction of its own without recording
   * one (an asynchronous action whose service has no task of its own to report); nothing when the request
   * ID has its task already.
   */
  public void ensure(Scope scope, String requestId, String action, List<String> resourceIds) {
    if (requestId == null || requestId.isEmpty() || ledger.read(scope).find(Task.class, requestId).isPresent()) {
      return;
    }
    ledger.write(scope, change -> {
      if (change.current().find(Task.class, requestId).isEmpty()) {
        record(change, clock, requestId, action, resourceIds);
      }
      return null;
    });
  }

  /** The task of a request ID, or {@code ResourceNotFound}. */
  public Task describe(Scope scope, String taskId) {
    Validate.name("TaskId", taskId, 64);
    return ledger.read(scope).find(Task.class, taskId)
        .orElseThrow(() -> Rejection.notFound("ResourceNotFound", "TaskId", taskId));
  }

  /** The output text of a task ({@code ""} when it has none). */
  public static String output(Task task) {
    return task.detail() == null ? "" : task.detail();
  }

  /** The resource IDs a task changed. */
  public static List<String> resources(Task task) {
    return task.output() == null || task.output().isEmpty() ? List.of() : List.of(task.output().split(","));
  }
}
