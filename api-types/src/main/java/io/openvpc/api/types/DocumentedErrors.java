package io.openvpc.api.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The error codes Tencent documents for each action ({@code schema/<product>.errors.json}, derived from
 * Tencent's Go SDK; see the NOTICE beside it), and the codes common to every action of API 3.0.
 */
public final class DocumentedErrors {
  /** Tencent's common error codes: any action may answer them. */
  public static final Set<String> COMMON = Set.of("ActionOffline", "AuthFailure", "DryRunOperation", "FailedOperation",
      "InternalError", "InvalidAction", "InvalidParameter", "InvalidParameterValue", "InvalidRequest", "IpInBlacklist",
      "IpNotInWhitelist", "LimitExceeded", "MissingParameter", "NoSuchProduct", "NoSuchVersion", "RequestLimitExceeded",
      "RequestSizeLimitExceeded", "ResourceInUse", "ResourceInsufficient", "ResourceNotFound", "ResourceUnavailable",
      "ResponseSizeLimitExceeded", "ServiceUnavailable", "UnauthorizedOperation", "UnknownParameter",
      "UnsupportedOperation", "UnsupportedProtocol", "UnsupportedRegion");
  private static final Map<String, Map<String, Set<String>>> BY_SERVICE = load();

  private DocumentedErrors() {}

  /** The codes documented for an action, or empty when Tencent documents none for it (OpenVPC's own actions). */
  public static Optional<Set<String>> of(String service, String action) {
    return Optional.ofNullable(BY_SERVICE.getOrDefault(service, Map.of()).get(action));
  }

  /** Whether any action may answer {@code code}: a common code, or one of the authentication family. */
  public static boolean common(String code) {
    return COMMON.contains(code) || code.startsWith("AuthFailure.") || code.startsWith("RequestLimitExceeded.");
  }

  private static Map<String, Map<String, Set<String>>> load() {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, Set<String>>> out = new HashMap<>();
    for (String product : ApiSchema.PRODUCTS) {
      try (InputStream in = DocumentedErrors.class.getResourceAsStream("schema/" + product + ".errors.json")) {
        if (in == null) {
          continue; // no table for this product yet: its actions are held to the common codes only
        }
        Map<String, Set<String>> actions = new HashMap<>();
        for (var it = json.readTree(in).path("actions").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> a = it.next();
          Set<String> codes = new TreeSet<>();
          a.getValue().forEach(c -> codes.add(c.asText()));
          actions.put(a.getKey(), Set.copyOf(codes));
        }
        out.put(product, Map.copyOf(actions));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(out);
  }
}
