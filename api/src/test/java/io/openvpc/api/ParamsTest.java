package io.openvpc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvpc.api.types.ApiSchema;
import io.openvpc.model.Rejection;
import org.junit.jupiter.api.Test;

class ParamsTest {
  private final Params params = new Params(ApiSchema.get());

  private JsonNode check(String json) throws Exception {
    return params.check("vpc", "DescribeNetworkInterfacesRequest", Json.MAPPER.readTree(json));
  }

  @Test
  void intMember_acceptsNumberAndNumericString() throws Exception {
    assertThat(check("{\"Offset\":\"5\",\"Limit\":10}").get("Offset").asLong()).isEqualTo(5);
    assertThat(check("{\"Offset\":5.0}").get("Offset").isIntegralNumber()).isTrue();
  }

  @Test
  void intMember_infiniteOrFractional_isInvalidParameterNamingIt() {
    for (String bad : new String[] {"1E+400", "-1E+400", "1.5", "\"abc\"", "[1]", "{}"}) {
      assertThatThrownBy(() -> check("{\"Offset\":" + bad + "}")).as(bad)
          .isInstanceOfSatisfying(Rejection.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidParameter");
            assertThat(e.getMessage()).contains("Offset");
          });
    }
  }

  @Test
  void listMember_scalarRefusedAndElementsPathNamed() {
    assertThatThrownBy(() -> check("{\"NetworkInterfaceIds\":\"eni-1\"}"))
        .hasMessageContaining("NetworkInterfaceIds").hasMessageContaining("array");
    assertThatThrownBy(() -> check("{\"Filters\":[{\"Name\":\"vpc-id\",\"Values\":[{}]}]}"))
        .hasMessageContaining("Filters.0.Values.0");
  }

  @Test
  void requiredNestedMember_missingParameterWithPath() {
    assertThatThrownBy(() -> check("{\"Filters\":[{\"Values\":[\"a\"]}]}"))
        .isInstanceOfSatisfying(Rejection.class, e -> {
          assertThat(e.code()).isEqualTo("MissingParameter");
          assertThat(e.getMessage()).contains("Filters.0.Name");
        });
  }
}
