package io.openvpc.model;

/**
 * A request that OpenVPC refuses, with a Tencent error code ({@code InvalidParameterValue.Malformed},
 * {@code ResourceNotFound}, ...) and a message that names the parameter and says why. It is the only
 * way the control plane says no; the API turns it into Tencent's error envelope.
 */
public final class Rejection extends RuntimeException {
  private final String code;
  private final String messageZh;

  public Rejection(String code, String message) {
    this(code, message, null);
  }

  public Rejection(String code, String message, String messageZh) {
    super(message, null, false, false);
    this.code = code;
    this.messageZh = messageZh;
  }

  public String code() {
    return code;
  }

  /** The message in Simplified Chinese where one was written, else the English one. */
  public String messageZh() {
    return messageZh != null ? messageZh : getMessage();
  }

  public static Rejection missing(String parameter) {
    return new Rejection("MissingParameter", "The request is missing the required parameter `" + parameter + "`.",
        "缺少必选参数 `" + parameter + "`。");
  }

  public static Rejection invalid(String parameter, String why) {
    return new Rejection("InvalidParameter", "Parameter `" + parameter + "` is invalid: " + why,
        "参数 `" + parameter + "` 不合法：" + why);
  }

  public static Rejection value(String code, String parameter, String why) {
    return new Rejection(code, "Parameter `" + parameter + "` has an invalid value: " + why,
        "参数 `" + parameter + "` 取值错误：" + why);
  }

  public static Rejection malformed(String parameter, String value, String expected) {
    return value("InvalidParameterValue.Malformed", parameter,
        "`" + value + "` is malformed; expected " + expected + ".");
  }

  public static Rejection notFound(String code, String parameter, String id) {
    return new Rejection(code, "The resource `" + id + "` given in `" + parameter + "` does not exist.",
        "参数 `" + parameter + "` 指定的资源 `" + id + "` 不存在。");
  }

  public static Rejection inUse(String code, String id, String usedBy) {
    return new Rejection(code, "The resource `" + id + "` is in use by " + usedBy + ".",
        "资源 `" + id + "` 正被 " + usedBy + " 使用。");
  }

  public static Rejection limit(String code, String what, long limit) {
    return new Rejection(code, "Quota exceeded: at most " + limit + " " + what + ".",
        "超出配额：最多 " + limit + " 个" + what + "。");
  }

  public static Rejection unsupported(String code, String why) {
    return new Rejection(code, why);
  }
}
