package io.openvpc.codegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives, per action, the error codes Tencent documents that action may return, from the comments
 * of Tencent's Go SDK ({@code tencentcloud/<product>/<version>/client.go} of TencentCloud/tencentcloud-sdk-go,
 * where each action's method is preceded by a list of {@code NAME = "Code"} lines). Only the codes are
 * taken, no prose. Usage: {@code ErrorCodesRefresh <sdk-go checkout> <schema dir>}; writes
 * {@code <schema dir>/<product>.errors.json}: {@code {"service", "version", "actions": {Name: [codes]}}}.
 */
public final class ErrorCodesRefresh {
  private static final Map<String, String> VERSIONS = Map.of("vpc", "v20170312", "cvm", "v20170312");
  /** One action's comment block and method: the codes are the comment lines of the form NAME = "Code". */
  private static final Pattern METHOD = Pattern.compile("((?://[^\\n]*\\n)+)func \\(c \\*Client\\) (\\w+)WithContext\\(");
  private static final Pattern CODE = Pattern.compile("(?m)^//\\s+[A-Z0-9_]+ = \"([A-Za-z0-9.]+)\"\\s*$");

  private ErrorCodesRefresh() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ErrorCodesRefresh <tencentcloud-sdk-go checkout> <schema dir>");
      System.exit(2);
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    for (Map.Entry<String, String> p : new TreeMap<>(VERSIONS).entrySet()) {
      Path source = Path.of(args[0], "tencentcloud", p.getKey(), p.getValue(), "client.go");
      Map<String, List<String>> actions = parse(Files.readString(source, StandardCharsets.UTF_8));
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      out.put("service", p.getKey());
      out.put("version", p.getValue().substring(1, 5) + "-" + p.getValue().substring(5, 7) + "-" + p.getValue().substring(7));
      out.put("actions", actions);
      Path target = Path.of(args[1], p.getKey() + ".errors.json");
      Files.writeString(target, json.writeValueAsString(out) + "\n", StandardCharsets.UTF_8);
      System.out.println("wrote " + target + " (" + actions.size() + " actions) from " + source);
    }
  }

  /** Action name to the sorted codes documented for it. */
  static Map<String, List<String>> parse(String clientGo) {
    Map<String, List<String>> actions = new TreeMap<>();
    Matcher m = METHOD.matcher(clientGo);
    while (m.find()) {
      TreeSet<String> codes = new TreeSet<>();
      Matcher c = CODE.matcher(m.group(1));
      while (c.find()) {
        codes.add(c.group(1));
      }
      actions.put(m.group(2), new ArrayList<>(codes));
    }
    return actions;
  }
}
