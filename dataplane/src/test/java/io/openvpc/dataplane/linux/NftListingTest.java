package io.openvpc.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The canonical form of nft's JSON listing: equal content, equal fingerprint, whatever the order. */
class NftListingTest {
  private static final String A = """
      {"nftables": [{"metainfo": {"version": "1.0.6"}}, {"table": {"family": "inet", "name": "ovpc", "handle": 1}},
       {"set": {"family": "inet", "name": "openvpc", "table": "ovpc", "type": "inet_service", "handle": 2,
                "elem": [{"elem": {"val": 1, "comment": "0123456789abcdef0123"}}]}},
       {"map": {"family": "inet", "name": "m", "table": "ovpc", "type": "ifname", "handle": 3, "map": "verdict",
                "elem": [["ovpc-a", {"jump": {"target": "c"}}], ["ovpc-b", {"jump": {"target": "c"}}]]}},
       {"chain": {"family": "inet", "table": "ovpc", "name": "c", "handle": 4}},
       {"rule": {"family": "inet", "table": "ovpc", "chain": "c", "handle": 5, "expr": [{"accept": null}]}},
       {"rule": {"family": "inet", "table": "ovpc", "chain": "c", "handle": 6, "expr": [{"drop": null}]}}]}""";

  @Test
  void parse_sameContentOtherOrderAndHandles_sameFingerprint() {
    String b = A.replace("\"handle\": 5", "\"handle\": 50")
        .replace("[[\"ovpc-a\", {\"jump\": {\"target\": \"c\"}}], [\"ovpc-b\", {\"jump\": {\"target\": \"c\"}}]]",
            "[[\"ovpc-b\", {\"jump\": {\"target\": \"c\"}}], [\"ovpc-a\", {\"jump\": {\"target\": \"c\"}}]]");
    assertThat(NftListing.parse(b).fingerprint()).isEqualTo(NftListing.parse(A).fingerprint());
    assertThat(NftListing.parse(A).marker()).isEqualTo("0123456789abcdef0123");
  }

  @Test
  void parse_ruleOrderOrContentChanged_otherFingerprint() {
    String swapped = A.replace("{\"accept\": null}", "{\"tmp\": null}").replace("{\"drop\": null}", "{\"accept\": null}")
        .replace("{\"tmp\": null}", "{\"drop\": null}");
    assertThat(NftListing.parse(swapped).fingerprint()).isNotEqualTo(NftListing.parse(A).fingerprint());
    assertThat(NftListing.parse(A.replace("ovpc-b", "ovpc-x")).fingerprint())
        .isNotEqualTo(NftListing.parse(A).fingerprint());
  }

  @Test
  void parse_noTable_isAbsent() {
    assertThat(NftListing.parse("").present()).isFalse();
    assertThat(NftListing.parse("").fingerprint()).isEmpty();
  }
}
