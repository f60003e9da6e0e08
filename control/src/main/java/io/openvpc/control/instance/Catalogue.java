package io.openvpc.control.instance;

import io.openvpc.model.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance types and images OpenVPC offers. The types follow Tencent's S5/SA2/S6 naming (SMALL =
 * 1 core, MEDIUM = 2, LARGE = 4, 2XLARGE = 8, 4XLARGE = 16, 8XLARGE = 32; the number is the memory in
 * GiB) with the ENI and per-ENI address limits Tencent publishes by core count. The images are a few
 * public images with stable IDs; instances need no real disk.
 */
public final class Catalogue {
  /** A public image. */
  public record Image(String id, String name, String osName, String platform, String architecture) {}

  /** Tencent's default type when RunInstances names none. */
  public static final String DEFAULT_TYPE = "S5.SMALL2";

  private static final Map<String, InstanceType> TYPES = types();
  private static final Map<String, Image> IMAGES = imageTable();

  private Catalogue() {}

  private static Map<String, InstanceType> types() {
    Map<String, InstanceType> m = new LinkedHashMap<>();
    String[][] sizes = {
        {"SMALL1", "1", "1"}, {"SMALL2", "1", "2"}, {"SMALL4", "1", "4"},
        {"MEDIUM2", "2", "2"}, {"MEDIUM4", "2", "4"}, {"MEDIUM8", "2", "8"},
        {"LARGE8", "4", "8"}, {"LARGE16", "4", "16"},
        {"2XLARGE16", "8", "16"}, {"2XLARGE32", "8", "32"},
        {"4XLARGE32", "16", "32"}, {"4XLARGE64", "16", "64"},
        {"8XLARGE64", "32", "64"}, {"8XLARGE128", "32", "128"}};
    for (String family : List.of("S5", "SA2", "S6")) {
      for (String[] s : sizes) {
        int cpu = Integer.parseInt(s[1]);
        m.put(family + "." + s[0], new InstanceType(family + "." + s[0], family, cpu, Integer.parseInt(s[2]),
            eniQuota(cpu), ipsPerEni(cpu)));
      }
    }
    return m;
  }

  /** ENIs per instance by cores, as Tencent publishes for its standard families. */
  static int eniQuota(int cpu) {
    return cpu <= 2 ? 2 : cpu <= 4 ? 4 : cpu <= 8 ? 6 : 8;
  }

  /** Private IPv4 addresses per ENI by cores. */
  static int ipsPerEni(int cpu) {
    return cpu == 1 ? 6 : cpu <= 4 ? 10 : cpu <= 8 ? 20 : 30;
  }

  private static Map<String, Image> imageTable() {
    Map<String, Image> m = new LinkedHashMap<>();
    for (Image i : List.of(
        new Image("img-487zeit5", "TencentOS Server 3.1 (TK4)", "TencentOS Server 3.1 (TK4)", "TencentOS", "x86_64"),
        new Image("img-pi0ii46r", "Ubuntu Server 22.04 LTS 64bit", "Ubuntu Server 22.04 LTS 64bit", "Ubuntu", "x86_64"),
        new Image("img-l8og963d", "CentOS 7.9 64bit", "CentOS 7.9 64bit", "CentOS", "x86_64"),
        new Image("img-mmytdhbn", "Debian 12.0 64bit", "Debian 12.0 64bit", "Debian", "x86_64"))) {
      m.put(i.id(), i);
    }
    return m;
  }

  public static List<InstanceType> types(String family) {
    List<InstanceType> out = new ArrayList<>();
    for (InstanceType t : TYPES.values()) {
      if (family == null || t.family().equals(family)) {
        out.add(t);
      }
    }
    return out;
  }

  public static Optional<InstanceType> type(String name) {
    return Optional.ofNullable(TYPES.get(name));
  }

  /** The type, or {@code InvalidParameterValue.InstanceTypeNotFound} naming the parameter. */
  public static InstanceType requireType(String parameter, String name) {
    return type(name).orElseThrow(() -> Rejection.value("InvalidParameterValue.InstanceTypeNotFound", parameter,
        "`" + name + "` is not an instance type OpenVPC offers; DescribeInstanceTypeConfigs lists them (e.g. "
            + DEFAULT_TYPE + ", S5.MEDIUM4, S5.LARGE8)."));
  }

  public static List<Image> images() {
    return List.copyOf(IMAGES.values());
  }

  public static Optional<Image> image(String id) {
    return Optional.ofNullable(IMAGES.get(id));
  }

  /** The image, or {@code InvalidImageId.NotFound} naming the parameter. */
  public static Image requireImage(String parameter, String id) {
    if (id == null || id.isEmpty()) {
      throw Rejection.missing(parameter);
    }
    if (!id.matches("img-[a-z0-9]{8}")) {
      throw Rejection.value("InvalidImageId.Malformed", parameter, "`" + id + "` is not a well-formed image ID.");
    }
    return image(id).orElseThrow(() -> Rejection.value("InvalidImageId.NotFound", parameter, "`" + id
        + "` is not an image OpenVPC offers; DescribeImages lists them (" + String.join(", ", IMAGES.keySet()) + ")."));
  }
}
