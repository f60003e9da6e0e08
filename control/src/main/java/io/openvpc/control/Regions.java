package io.openvpc.control;

import io.openvpc.model.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of regions and zones, from the bundled file or one the operator supplies. */
public final class Regions {
  /** A region, e.g. {@code ap-guangzhou}. */
  public record Region(String name, String id, String nameEn, String nameZh, List<Zone> zones) {}

  /** A zone of a region, e.g. {@code ap-guangzhou-3} with id {@code 100003}. */
  public record Zone(String name, String id, String nameEn, String nameZh, String state, boolean edge, String region) {}

  private final Map<String, Region> regions;

  private Regions(Map<String, Region> regions) {
    this.regions = regions;
  }

  /** The catalogue bundled with OpenVPC. */
  public static Regions bundled() {
    try (InputStream in = Regions.class.getResourceAsStream("regions.tsv")) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Regions fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read regions file " + file, e);
    }
  }

  static Regions parse(InputStream in) throws IOException {
    Map<String, Region> regions = new LinkedHashMap<>();
    Map<String, List<Zone>> zones = new LinkedHashMap<>();
    String current = null;
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f[0].equals("region") && f.length >= 5) {
        current = f[1];
        regions.put(current, new Region(f[1], f[2], f[3], f[4], List.of()));
        zones.put(current, new ArrayList<>());
      } else if (f[0].equals("zone") && f.length >= 6 && current != null) {
        zones.get(current).add(new Zone(f[1], f[2], f[3], f[4], f[5], f.length > 6 && f[6].equals("edge"), current));
      } else {
        throw new IllegalArgumentException("regions file line " + n + " is not a region or zone line: " + line);
      }
    }
    Map<String, Region> out = new LinkedHashMap<>();
    regions.forEach((k, r) -> out.put(k, new Region(r.name(), r.id(), r.nameEn(), r.nameZh(), List.copyOf(zones.get(k)))));
    return new Regions(out);
  }

  public List<Region> all() {
    return List.copyOf(regions.values());
  }

  public Optional<Region> find(String name) {
    return Optional.ofNullable(regions.get(name));
  }

  /** The region, or {@code UnsupportedRegion}. */
  public Region require(String name) {
    Region r = name == null ? null : regions.get(name);
    if (r == null) {
      throw new Rejection("UnsupportedRegion",
          name == null || name.isEmpty() ? "The request names no region (X-TC-Region)."
              : "The region `" + name + "` is not served here; DescribeRegions lists the regions.",
          name == null || name.isEmpty() ? "请求未指定地域（X-TC-Region）。" : "不支持地域 `" + name + "`。");
    }
    return r;
  }

  /** The zone of {@code region} named {@code zone}, or {@code InvalidParameterValue.Range} naming the parameter. */
  public Zone requireZone(String region, String zone, String parameter) {
    return require(region).zones().stream().filter(z -> z.name().equals(zone)).findFirst()
        .orElseThrow(() -> Rejection.value("InvalidParameterValue.Range", parameter,
            "`" + zone + "` is not a zone of " + region + "."));
  }
}
