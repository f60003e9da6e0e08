package io.openvpc.api;

import io.openvpc.api.types.ActionSpec;
import io.openvpc.api.types.ApiSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The API coverage report ({@code docs/api-coverage.md}): per product, the actions OpenVPC implements
 * out of all Tencent defines, then OpenVPC's own actions. Rendered from the live registry, so it cannot
 * drift from the code; {@code openvpc coverage} writes it and a test fails when the committed file is
 * stale.
 */
public final class Coverage {
  public static final String REGENERATE = "./openvpc coverage --output docs/api-coverage.md";

  private Coverage() {}

  public static String markdown(Actions actions) {
    Map<String, Set<String>> defined = new TreeMap<>();
    Map<String, String> versions = new TreeMap<>();
    for (ActionSpec<?, ?> s : Actions.defined()) {
      defined.computeIfAbsent(s.service(), k -> new TreeSet<>()).add(s.action());
      versions.put(s.service(), s.version());
    }
    Map<String, Set<String>> own = new TreeMap<>();
    for (Actions.Entry<?, ?> e : actions.all()) {
      if (!ApiSchema.PRODUCTS.contains(e.spec().service())) {
        own.computeIfAbsent(e.spec().service() + " " + e.spec().version(), k -> new TreeSet<>()).add(e.spec().action());
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("# API coverage\n\n")
        .append("Generated from the server's action registry by `").append(REGENERATE).append("`; a test fails\n")
        .append("when this file is stale. An action that is not implemented answers `UnsupportedOperation`.\n\n")
        .append("| product | version | implemented | actions | share |\n|---|---|---:|---:|---:|\n");
    for (String product : ApiSchema.PRODUCTS) {
      int done = actions.implemented(product).size();
      int all = defined.getOrDefault(product, Set.of()).size();
      md.append("| ").append(product).append(" | ").append(versions.getOrDefault(product, "")).append(" | ")
          .append(done).append(" | ").append(all).append(" | ")
          .append(all == 0 ? "-" : String.format("%.1f%%", 100.0 * done / all)).append(" |\n");
    }
    for (String product : ApiSchema.PRODUCTS) {
      Set<String> done = actions.implemented(product);
      Set<String> missing = new TreeSet<>(defined.getOrDefault(product, Set.of()));
      missing.removeAll(done);
      md.append("\n## ").append(product).append(" ").append(versions.getOrDefault(product, "")).append(": ")
          .append(done.size()).append(" of ").append(done.size() + missing.size()).append("\n\n");
      md.append(done.isEmpty() ? "Nothing implemented yet.\n" : bullets(List.copyOf(done)));
      if (!missing.isEmpty()) {
        md.append("\n<details><summary>Not implemented yet (").append(missing.size()).append(")</summary>\n\n")
            .append(String.join(", ", missing)).append("\n\n</details>\n");
      }
    }
    md.append("\n## OpenVPC's own actions\n\n");
    if (own.isEmpty()) {
      md.append("None yet.\n");
    }
    own.forEach((service, names) -> md.append("### ").append(service).append("\n\n").append(bullets(List.copyOf(names))));
    return md.toString();
  }

  private static String bullets(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append("- ").append(n).append('\n');
    }
    return sb.toString();
  }
}
