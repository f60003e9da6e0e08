package io.openvpc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.model.Rejection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rebuilding JSON from flattened GET and legacy parameters; the bad shapes came from FuzzTest. */
class ParamsUnflattenTest {
  private static Map<String, String> flat(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void assertInvalid(Map<String, String> flat, String parameter) {
    assertThatThrownBy(() -> Params.unflatten(flat)).isInstanceOfSatisfying(Rejection.class, r -> {
      assertThat(r.code()).isEqualTo("InvalidParameter");
      assertThat(r.getMessage()).contains(parameter);
    });
  }

  @Test
  void unflatten_nestedArraysAndObjects() {
    var json = Params.unflatten(flat("Filters.0.Name", "vpc-name", "Filters.0.Values.1", "b", "Filters.0.Values.0", "a",
        "Limit", "10"));
    assertThat(json.toString()).isEqualTo("{\"Filters\":[{\"Name\":\"vpc-name\",\"Values\":[\"a\",\"b\"]}],\"Limit\":\"10\"}");
  }

  @Test
  void unflatten_nonNumericSegmentUnderArray_isInvalidParameter() {
    assertInvalid(flat("Filters.0.Name", "x", "Filters.a.b", "1"), "Filters.a.b");
  }

  @Test
  void unflatten_hugeIndex_isInvalidParameter() {
    assertInvalid(flat("Filters.0", "x", "Filters.999999999999999999999", "1"), "Filters.999999999999999999999");
    assertInvalid(flat("Filters.0", "x", "Filters.10001", "1"), "Filters.10001");
  }

  @Test
  void unflatten_valueThenObjectAtSamePath_isInvalidParameter() {
    assertInvalid(flat("Filters.0", "1", "Filters.0.Name", "2"), "Filters.0.Name");
    assertInvalid(flat("VpcName", "x", "VpcName.Inner", "2"), "VpcName.Inner");
    assertInvalid(flat("VpcName.Inner", "2", "VpcName", "x"), "VpcName");
  }

  @Test
  void unflatten_emptySegment_isInvalidParameter() {
    assertInvalid(flat("Filters..Name", "1"), "Filters..Name");
    assertInvalid(flat("Filters.", "1"), "Filters.");
    assertInvalid(flat("", "1"), "");
  }
}
