package io.openvpc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.api.types.ApiSchema;
import io.openvpc.model.Rejection;
import org.junit.jupiter.api.Test;

/** Route members the schema marks required are checked per action, not by the schema pass. */
class RouteParamsTest {
  private final Params params = new Params(ApiSchema.get());

  @Test
  void deleteRoutes_routeIdOnly_accepted() throws Exception {
    var checked = params.check("vpc", "DeleteRoutesRequest",
        Json.MAPPER.readTree("{\"RouteTableId\":\"rtb-12345678\",\"Routes\":[{\"RouteId\":7}]}"));
    assertThat(checked.get("Routes").get(0).get("RouteId").asLong()).isEqualTo(7);
  }

  @Test
  void createRoutes_ipv6RouteWithoutIpv4Destination_accepted() throws Exception {
    var checked = params.check("vpc", "CreateRoutesRequest", Json.MAPPER.readTree("{\"RouteTableId\":\"rtb-12345678\","
        + "\"Routes\":[{\"DestinationIpv6CidrBlock\":\"2001:db8::/64\",\"GatewayType\":\"HAVIP\",\"GatewayId\":\"x\"}]}"));
    assertThat(checked.get("Routes").get(0).has("DestinationCidrBlock")).isFalse();
  }

  @Test
  void otherRequiredMembers_stillEnforced() {
    assertThatThrownBy(() -> params.check("vpc", "CreateRoutesRequest",
        Json.MAPPER.readTree("{\"Routes\":[{\"RouteId\":7}]}")))
        .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("RouteTableId"));
  }
}
