package io.openvpc.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.model.AddressTemplate;
import io.openvpc.model.AddressTemplateGroup;
import io.openvpc.model.Cidr;
import io.openvpc.model.Resource;
import io.openvpc.model.ServiceSpec;
import io.openvpc.model.ServiceTemplate;
import io.openvpc.model.ServiceTemplateGroup;
import io.openvpc.model.TemplateMember;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Address and service templates expand the same way: a template to its members, a group to its templates'. */
class TemplateExpansionTest {
  static List<TemplateMember> members(String... values) {
    return java.util.Arrays.stream(values).map(v -> new TemplateMember(v, "")).toList();
  }

  final Map<String, Resource> byId = Map.of(
      "ipm-aaaaaaaa", new AddressTemplate("ipm-aaaaaaaa", "a", members("10.0.0.0/24", "10.2.0.1-10.2.0.6", "10.9.9.9"),
          List.of(), Instant.EPOCH),
      "ipm-bbbbbbbb", new AddressTemplate("ipm-bbbbbbbb", "b", members("2402:4e00::/32"), List.of(), Instant.EPOCH),
      "ipmg-aaaaaaaa", new AddressTemplateGroup("ipmg-aaaaaaaa", "g", List.of("ipm-bbbbbbbb", "ipm-gonegone",
          "ipm-aaaaaaaa"), List.of(), Instant.EPOCH),
      "ppm-aaaaaaaa", new ServiceTemplate("ppm-aaaaaaaa", "s", members("tcp:22,80", "icmp", "all"), List.of(), Instant.EPOCH),
      "ppmg-aaaaaaaa", new ServiceTemplateGroup("ppmg-aaaaaaaa", "sg", List.of("ppm-aaaaaaaa"), List.of(), Instant.EPOCH));
  final Function<String, Resource> find = byId::get;

  @Test
  void addressTemplate_rangesBecomeTheFewestBlocks() {
    assertThat(AddressTemplates.expand("ipm-aaaaaaaa", find).orElseThrow()).map(Cidr::toString)
        .containsExactly("10.0.0.0/24", "10.2.0.1/32", "10.2.0.2/31", "10.2.0.4/31", "10.2.0.6/32", "10.9.9.9/32");
  }

  @Test
  void addressGroup_templatesInOrder_missingOnesContributeNothing() {
    assertThat(AddressTemplates.expand("ipmg-aaaaaaaa", find).orElseThrow()).map(Cidr::toString)
        .startsWith("2402:4e00::/32", "10.0.0.0/24").hasSize(7);
    assertThat(AddressTemplates.expand("ipm-zzzzzzzz", find)).isEmpty();
  }

  @Test
  void serviceTemplateAndGroup() {
    Optional<List<ServiceSpec>> group = ServiceTemplates.expand("ppmg-aaaaaaaa", find);
    assertThat(group.orElseThrow()).map(s -> s.ruleProtocol() + " " + s.rulePort())
        .containsExactly("TCP 22,80", "ICMP ALL", "ALL ALL");
    assertThat(ServiceTemplates.expand("ppm-aaaaaaaa", find)).isEqualTo(group);
    assertThat(ServiceTemplates.expand("ipm-aaaaaaaa", find)).isEmpty();
  }
}
