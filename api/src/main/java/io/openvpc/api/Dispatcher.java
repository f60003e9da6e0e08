package io.openvpc.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvpc.api.types.ActionSpec;
import io.openvpc.api.types.ApiSchema;
import io.openvpc.control.Regions;
import io.openvpc.control.store.ClaimConflict;
import io.openvpc.model.Rejection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one authenticated call: finds the action, checks the region and the parameters, binds the typed
 * request, runs the handler, and wraps the outcome in Tencent's envelope. Every failure becomes a
 * Tencent error; nothing escapes as an exception or a stack trace.
 */
public final class Dispatcher {
  private static final System.Logger LOG = System.getLogger("io.openvpc.api");

  /** An authenticated request as the protocol layer hands it over. */
  public record Request(
      String requestId, long appId, String version, String action, String region, String language, JsonNode params) {}

  /**
   * What a call answers: {@code envelope} serialises to Tencent's {@code {"Response": {...}}}, and
   * {@code code} is the result code for the log ("OK" or the error code).
   */
  public record Reply(Object envelope, String code) {
    /** The envelope as a JSON tree, for tools and tests; the gateway writes it straight to bytes. */
    public JsonNode tree() {
      return Json.MAPPER.valueToTree(envelope);
    }
  }

  /** {@code {"Response": body}}. */
  private static final class Envelope {
    @JsonProperty("Response")
    public final Object response;

    Envelope(Object response) {
      this.response = response;
    }
  }

  /**
   * A typed response's members followed by RequestId, serialised straight from the response object:
   * building a tree first and then writing it cost more than half of a large Describe call.
   */
  private static final class Success {
    @JsonUnwrapped
    public final Object response;
    @JsonProperty("RequestId")
    public final String requestId;

    Success(Object response, String requestId) {
      this.response = response;
      this.requestId = requestId;
    }
  }

  private final Actions actions;
  private final Regions regions;
  /** How many calls of each action answered each code, "service action code" to count (for contract checks and metrics). */
  private final ConcurrentHashMap<String, LongAdder> answered =
      new ConcurrentHashMap<>();
  private final Params params = new Params(ApiSchema.get());
  private final AsyncTasks asyncTasks;

  public Dispatcher(Actions actions, Regions regions) {
    this(actions, regions, AsyncTasks.NONE);
  }

  public Dispatcher(Actions actions, Regions regions, AsyncTasks asyncTasks) {
    this.actions = actions;
    this.regions = regions;
    this.asyncTasks = asyncTasks;
  }

  public Actions actions() {
    return actions;
  }

  /** Calls answered since start, per action and code: keys "service action code" ("vpc CreateVpc OK"). */
  public Map<String, Long> answered() {
    Map<String, Long> out = new TreeMap<>();
    answered.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private void count(Actions.Entry<?, ?> entry, String code) {
    answered.computeIfAbsent(entry.spec().service() + " " + entry.spec().action() + " " + code,
        k -> new LongAdder()).increment();
  }

  public Reply dispatch(Request r) {
    String language = r.language();
    Actions.Entry<?, ?> entry = null;
    try {
      entry = resolve(r);
      if (entry.regional()) {
        regions.require(r.region());
      }
      Object response = invoke(entry, r);
      count(entry, "OK");
      return new Reply(new Envelope(new Success(response, r.requestId())), "OK");
    } catch (Rejection e) {
      if (entry == null) {
        return error(r.requestId(), e, language);
      }
      String code = ErrorCodes.answer(entry.spec().service(), entry.spec().action(), e.code());
      count(entry, code);
      return error(r.requestId(), code, e, language);
    } catch (ClaimConflict e) {
      // the services turn the conflicts they expect into their own codes; this is the fallback
      return error(r.requestId(), new Rejection("ResourceInUse", "A value this request claims (an address, say) is "
          + "already held by another resource.", "请求占用的值（如 IP 地址）已被其他资源使用。"), language);
    } catch (RuntimeException | Error e) {
      // an Error too (a stack overflow, memory running out for this call): the caller still gets an envelope
      LOG.log(System.Logger.Level.ERROR, "request " + r.requestId() + " (" + r.action() + ") failed", e);
      return internalError(r.requestId(), language);
    }
  }

  /** The envelope of a refusal, in the caller's language. */
  public static Reply error(String requestId, Rejection e, String language) {
    return error(requestId, e.code(), e, language);
  }

  /** The envelope of a refusal answered with {@code code}, in the caller's language. */
  private static Reply error(String requestId, String code, Rejection e, String language) {
    return error(requestId, code, "zh-CN".equalsIgnoreCase(language) ? e.messageZh() : e.getMessage());
  }

  /** {@code InternalError}, pointing at the server log by the request's ID, and nothing of the cause. */
  public static Reply internalError(String requestId, String language) {
    return error(requestId, new Rejection("InternalError", "An internal error occurred; request " + requestId
        + " identifies it in the server log.", "服务内部错误，请求 " + requestId + " 的详情见服务器日志。"), language);
  }

  private Actions.Entry<?, ?> resolve(Request r) {
    if (r.action() == null || r.action().isEmpty()) {
      throw new Rejection("MissingParameter", "The request names no action (X-TC-Action or Action).",
          "请求未指定接口名称（X-TC-Action 或 Action）。");
    }
    if (r.version() == null || r.version().isEmpty()) {
      throw new Rejection("MissingParameter", "The request names no API version (X-TC-Version or Version).",
          "请求未指定接口版本（X-TC-Version 或 Version）。");
    }
    var registered = actions.find(r.version(), r.action());
    if (registered.isPresent()) {
      return registered.get();
    }
    var known = Actions.spec(r.version(), r.action());
    if (known.isPresent()) {
      ActionSpec<?, ?> s = known.get();
      throw new Rejection("UnsupportedOperation",
          "OpenVPC does not implement " + s.service() + " " + s.version() + " " + s.action()
              + " yet; docs/api-coverage.md lists the actions it implements.",
          "OpenVPC 暂未实现接口 " + s.action() + "。");
    }
    if (!Actions.knownVersion(r.version())) {
      throw new Rejection("NoSuchVersion", "API version `" + r.version() + "` does not exist for any product served.",
          "接口版本 `" + r.version() + "` 不存在。");
    }
    throw new Rejection("InvalidAction", "The action `" + r.action() + "` does not exist in version " + r.version() + ".",
        "接口 `" + r.action() + "` 不存在。");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object invoke(Actions.Entry entry, Request r) {
    ActionSpec spec = entry.spec();
    ObjectNode normalized = params.check(spec.service(), spec.inputObject(), r.params());
    Object request;
    try {
      request = Json.MAPPER.treeToValue(normalized, spec.requestType());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // the parser's message names Java types; the caller gets the member's path
      String member = memberPath(e);
      throw new Rejection("InvalidParameter", member.isEmpty()
          ? "The parameters do not fit " + spec.action() + "."
          : "Parameter `" + member + "` does not fit " + spec.action() + ".",
          member.isEmpty() ? "参数不符合接口 " + spec.action() + " 的定义。"
              : "参数 `" + member + "` 不符合接口 " + spec.action() + " 的定义。");
    }
    Call call = new Call(r.requestId(), r.appId(), r.region(), spec.action(), r.language());
    Object response = entry.handler().handle(call, request);
    if (response != null && ApiSchema.get().async(spec.service(), spec.action())) {
      // Tencent runs it asynchronously: a client polls DescribeVpcTaskResult with this request ID
      asyncTasks.ensure(call, AsyncTasks.resourceIds(request, response));
    }
    return response != null ? response : Json.MAPPER.createObjectNode();
  }

  /** The member a binding failure is about ({@code Filters.0.Values}), or empty. */
  private static String memberPath(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonMappingException m) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
          path.append(path.length() == 0 ? "" : ".")
              .append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return path.toString();
      }
    }
    return "";
  }

  /** A Tencent error envelope. */
  public static Reply error(String requestId, String code, String message) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode error = body.putObject("Error");
    error.put("Code", code);
    error.put("Message", message);
    body.put("RequestId", requestId);
    return new Reply(new Envelope(body), code);
  }
}
