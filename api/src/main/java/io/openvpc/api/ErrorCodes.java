package io.openvpc.api;

import io.openvpc.api.types.DocumentedErrors;
import java.util.Optional;
import java.util.Set;

/**
 * Which code a refusal answers with, by the action's documented codes. The services name a mistake
 * once, often with its resource's family code ({@code InvalidSecurityGroupID.NotFound}); an action
 * whose documentation lists the generic counterpart instead ({@code ResourceNotFound},
 * {@code InvalidParameterValue.Malformed}) answers that one, as Tencent's does; a finer code than the
 * action documents answers its documented parent. One rule for every action, so a product that lands
 * is held to its table without code of its own; what no rule maps stays as the service named it.
 */
final class ErrorCodes {
  static final String NOT_FOUND = "ResourceNotFound";
  static final String MALFORMED = "InvalidParameterValue.Malformed";

  private ErrorCodes() {}

  static String answer(String service, String action, String code) {
    Optional<Set<String>> documented = DocumentedErrors.of(service, action);
    if (documented.isEmpty() || documented.get().contains(code)) {
      return code;
    }
    if (family(code, ".NotFound") && documented.get().contains(NOT_FOUND)) {
      return NOT_FOUND;
    }
    boolean malformed = family(code, ".Malformed")
        || code.startsWith("InvalidParameterValue.") && code.endsWith("Malformed"); // ...InstanceIdMalformed
    if (malformed && !code.equals(MALFORMED) && documented.get().contains(MALFORMED)) {
      return MALFORMED;
    }
    // A finer code than the action documents (ResourceInUse.Address where only ResourceInUse is listed):
    // the documented parent, the message still saying exactly what is wrong.
    int dot = code.indexOf('.');
    if (dot > 0 && documented.get().contains(code.substring(0, dot))) {
      return code.substring(0, dot);
    }
    return code;
  }

  /** A resource family's code ({@code InvalidVpcId.NotFound}, {@code InvalidSecurityGroupID.Malformed}). */
  private static boolean family(String code, String suffix) {
    return code.startsWith("Invalid") && code.endsWith(suffix) && code.indexOf('.') == code.length() - suffix.length();
  }
}
