package io.openvpc.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The tasks of the actions Tencent documents as asynchronous ({@code ApiSchema#async}: their result is
 * polled with DescribeVpcTaskResult by the call's request ID). Services that know better record their
 * task inside the call's own transaction; for every other such action the dispatcher asks this, after the
 * call succeeded, to record one unless the request ID already has it.
 */
public interface AsyncTasks {
  AsyncTasks NONE = (call, resourceIds) -> {};

  /** Records a finished task for {@code call} naming {@code resourceIds}, unless the call recorded its own. */
  void ensure(Call call, List<String> resourceIds);

  /**
   * The resources a call worked on, for its task: the resource the answer shows it created
   * ({@code NetworkInterface.NetworkInterfaceId}), else every ID the request names at its top level
   * ({@code AddressTemplateId}, {@code NetworkInterfaceIds}, ...).
   */
  static List<String> resourceIds(Object request, Object response) {
    JsonNode answer = Json.MAPPER.valueToTree(response);
    for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      JsonNode id = m.getValue().path(m.getKey() + "Id");
      if (m.getValue().isObject() && id.isTextual() && !id.asText().isEmpty()) {
        return List.of(id.asText());
      }
    }
    List<String> out = new ArrayList<>();
    JsonNode asked = Json.MAPPER.valueToTree(request);
    for (Iterator<Map.Entry<String, JsonNode>> it = asked.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      if (m.getKey().endsWith("Id") && m.getValue().isTextual() && !m.getValue().asText().isEmpty()) {
        out.add(m.getValue().asText());
      } else if (m.getKey().endsWith("Ids") && m.getValue().isArray()) {
        m.getValue().forEach(v -> {
          if (v.isTextual() && !v.asText().isEmpty()) {
            out.add(v.asText());
          }
        });
      }
    }
    return out;
  }
}
