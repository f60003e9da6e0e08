package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.types.vpc.DescribeVpcTaskResultRequest;
import io.openvpc.api.types.vpc.DescribeVpcTaskResultResponse;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.api.types.vpc.VpcTaskResultDetailInfo;
import io.openvpc.control.task.TaskService;
import io.openvpc.model.Task;

/** DescribeVpcTaskResult: the outcome of an ENI, HAVIP or template-instances call, by its request ID. */
public final class TaskHandlers implements HandlerFamily {
  private final TaskService tasks;

  public TaskHandlers(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.DescribeVpcTaskResult, this::describe);
  }

  DescribeVpcTaskResultResponse describe(Call call, DescribeVpcTaskResultRequest r) {
    Task t = tasks.describe(call.scope(), r.getTaskId());
    return new DescribeVpcTaskResultResponse().setStatus(t.status()).setOutput(TaskService.output(t))
        .setResult(TaskService.resources(t).stream()
            .map(id -> new VpcTaskResultDetailInfo().setResourceId(id).setStatus(t.status())).toList());
  }
}
