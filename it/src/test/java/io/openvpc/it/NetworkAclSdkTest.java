package io.openvpc.it;

import static io.openvpc.it.SdkFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.vpc.v20170312.VpcClient;
import com.tencentcloudapi.vpc.v20170312.models.AssociateNetworkAclSubnetsRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateNetworkAclEntriesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateNetworkAclQuintupleEntriesRequest;
import com.tencentcloudapi.vpc.v20170312.models.CreateNetworkAclRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteNetworkAclEntriesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteNetworkAclQuintupleEntriesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DeleteNetworkAclRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkAclQuintupleEntriesRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeNetworkAclsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DescribeSubnetsRequest;
import com.tencentcloudapi.vpc.v20170312.models.DisassociateNetworkAclSubnetsRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyNetworkAclAttributeRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyNetworkAclEntriesRequest;
import com.tencentcloudapi.vpc.v20170312.models.ModifyNetworkAclQuintupleEntriesRequest;
import com.tencentcloudapi.vpc.v20170312.models.NetworkAcl;
import com.tencentcloudapi.vpc.v20170312.models.NetworkAclEntry;
import com.tencentcloudapi.vpc.v20170312.models.NetworkAclEntrySet;
import com.tencentcloudapi.vpc.v20170312.models.NetworkAclQuintupleEntries;
import com.tencentcloudapi.vpc.v20170312.models.NetworkAclQuintupleEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Network ACLs through the official Java SDK: entries of both kinds, subnets, errors. */
class NetworkAclSdkTest {
  @RegisterExtension
  static final SdkFixture sdk = SdkFixture.start(Map.of("network-acl-max-inbound-policies", 3L));
  static final VpcClient vpc = sdk.vpc;

  static String acl(String vpcId, String name, String type) throws Exception {
    CreateNetworkAclRequest r = new CreateNetworkAclRequest();
    r.setVpcId(vpcId);
    r.setNetworkAclName(name);
    r.setNetworkAclType(type);
    return vpc.CreateNetworkAcl(r).getNetworkAcl().getNetworkAclId();
  }

  static NetworkAcl describe(String id) throws Exception {
    DescribeNetworkAclsRequest d = new DescribeNetworkAclsRequest();
    d.setNetworkAclIds(new String[] {id});
    return vpc.DescribeNetworkAcls(d).getNetworkAclSet()[0];
  }

  static NetworkAclEntry entry(String protocol, String port, String cidr, String action) {
    NetworkAclEntry e = new NetworkAclEntry();
    e.setProtocol(protocol);
    e.setPort(port);
    e.setCidrBlock(cidr);
    e.setAction(action);
    return e;
  }

  static ModifyNetworkAclEntriesRequest modify(String acl, NetworkAclEntry[] in, NetworkAclEntry[] out) {
    ModifyNetworkAclEntriesRequest m = new ModifyNetworkAclEntriesRequest();
    m.setNetworkAclId(acl);
    m.setNetworkAclEntrySet(entrySet(in, out));
    return m;
  }

  @Test
  void tripleAcl_entriesSubnetsAndDeletion() throws Exception {
    SdkFixture.Network net = sdk.network("10.60.0.0/16", "10.60.1.0/24");
    String acl = acl(net.vpcId(), "web tier", null);
    assertThat(acl).matches("acl-[a-z0-9]{8}");
    NetworkAcl created = describe(acl);
    assertThat(created.getNetworkAclType()).isEqualTo("TRIPLE");
    assertThat(created.getIngressEntries()).isEmpty();

    vpc.ModifyNetworkAclEntries(modify(acl, new NetworkAclEntry[] {entry("tcp", "80", "0.0.0.0/0", "accept"),
        entry("TCP", "8000-8080", "10.0.0.0/8", "ACCEPT")}, new NetworkAclEntry[] {entry("ALL", null, "0.0.0.0/0", "ACCEPT")}));
    NetworkAcl got = describe(acl);
    assertThat(got.getIngressEntries()).extracting(e -> e.getPriority() + " " + e.getProtocol() + " " + e.getPort())
        .containsExactly("1 TCP 80", "2 TCP 8000-8080");
    assertThat(got.getEgressEntries()).hasSize(1);

    // Only the ingress direction is given: egress stays.
    vpc.ModifyNetworkAclEntries(modify(acl, new NetworkAclEntry[] {entry("ICMP", null, "10.0.0.0/8", "ACCEPT")}, null));
    got = describe(acl);
    assertThat(got.getIngressEntries()).extracting(NetworkAclEntry::getProtocol).containsExactly("ICMP");
    assertThat(got.getEgressEntries()).hasSize(1);

    // Incremental: the entry named by ID is replaced, the other appended.
    NetworkAclEntry replaced = entry("UDP", "53", "10.0.0.0/8", "ACCEPT");
    replaced.setNetworkAclIpv4EntryId(got.getIngressEntries()[0].getNetworkAclIpv4EntryId());
    ModifyNetworkAclEntriesRequest inc = modify(acl, new NetworkAclEntry[] {replaced, entry("TCP", "22", "10.0.0.0/8", "DROP")}, null);
    inc.setEnableUpdateAclEntries(true);
    vpc.ModifyNetworkAclEntries(inc);
    assertThat(describe(acl).getIngressEntries()).extracting(e -> e.getProtocol() + " " + e.getPort() + " " + e.getAction())
        .containsExactly("UDP 53 ACCEPT", "TCP 22 DROP");

    assertError(() -> vpc.ModifyNetworkAclEntries(modify(acl, new NetworkAclEntry[] {entry("TCP", "22,80", "10.0.0.0/8", "ACCEPT")}, null)),
        "InvalidParameterValue.Malformed", "Ingress.0.Port");
    assertError(() -> vpc.ModifyNetworkAclEntries(modify(acl, new NetworkAclEntry[] {entry("ICMP", "8", "10.0.0.0/8", "ACCEPT")}, null)),
        "InvalidParameterValue", "Ingress.0.Port");
    assertError(() -> vpc.ModifyNetworkAclEntries(modify(acl, new NetworkAclEntry[] {entry("TCP", "22", "10.0.0/8", "ACCEPT")}, null)),
        "InvalidParameterValue.Malformed", "Ingress.0.CidrBlock");
    assertError(() -> vpc.ModifyNetworkAclEntries(modify(acl, new NetworkAclEntry[] {entry("GRE", null, "10.0.0.0/8", "ACCEPT")}, null)),
        "InvalidParameterValue", "Ingress.0.Protocol");
    NetworkAclEntry[] four = {entry("TCP", "1", "10.0.0.0/8", "ACCEPT"), entry("TCP", "2", "10.0.0.0/8", "ACCEPT"),
        entry("TCP", "3", "10.0.0.0/8", "ACCEPT"), entry("TCP", "4", "10.0.0.0/8", "ACCEPT")};
    assertError(() -> vpc.ModifyNetworkAclEntries(modify(acl, four, null)), "LimitExceeded", "network-acl-max-inbound-policies");
    assertThat(describe(acl).getIngressEntries()).hasSize(2);

    AssociateNetworkAclSubnetsRequest as = new AssociateNetworkAclSubnetsRequest();
    as.setNetworkAclId(acl);
    as.setSubnetIds(new String[] {net.subnetId()});
    vpc.AssociateNetworkAclSubnets(as);
    assertThat(describe(acl).getSubnetSet()).extracting(s -> s.getSubnetId()).containsExactly(net.subnetId());
    DescribeSubnetsRequest ds = new DescribeSubnetsRequest();
    ds.setSubnetIds(new String[] {net.subnetId()});
    assertThat(vpc.DescribeSubnets(ds).getSubnetSet()[0].getNetworkAclId()).isEqualTo(acl);

    String other = acl(net.vpcId(), "other", "TRIPLE");
    as.setNetworkAclId(other);
    vpc.AssociateNetworkAclSubnets(as);
    assertThat(describe(acl).getSubnetSet()).isEmpty();
    assertThat(describe(other).getSubnetSet()).hasSize(1);

    DeleteNetworkAclRequest del = new DeleteNetworkAclRequest();
    del.setNetworkAclId(other);
    assertError(() -> vpc.DeleteNetworkAcl(del), "ResourceInUse", net.subnetId());
    DisassociateNetworkAclSubnetsRequest dis = new DisassociateNetworkAclSubnetsRequest();
    dis.setNetworkAclId(acl);
    dis.setSubnetIds(new String[] {net.subnetId()});
    assertError(() -> vpc.DisassociateNetworkAclSubnets(dis), "InvalidParameterValue", other);
    dis.setNetworkAclId(other);
    vpc.DisassociateNetworkAclSubnets(dis);
    vpc.DeleteNetworkAcl(del);
    assertError(() -> vpc.DeleteNetworkAcl(del), "ResourceNotFound", other);

    SdkFixture.Network elsewhere = sdk.network("10.61.0.0/16", "10.61.1.0/24");
    as.setNetworkAclId(acl);
    as.setSubnetIds(new String[] {elsewhere.subnetId()});
    assertError(() -> vpc.AssociateNetworkAclSubnets(as), "UnsupportedOperation.VpcMismatch", elsewhere.vpcId());

    ModifyNetworkAclAttributeRequest rename = new ModifyNetworkAclAttributeRequest();
    rename.setNetworkAclId(acl);
    rename.setNetworkAclName("renamed");
    vpc.ModifyNetworkAclAttribute(rename);
    assertThat(describe(acl).getNetworkAclName()).isEqualTo("renamed");
  }

  static NetworkAclQuintupleEntry quintuple(String protocol, String src, String dstPort, String action) {
    NetworkAclQuintupleEntry e = new NetworkAclQuintupleEntry();
    e.setProtocol(protocol);
    e.setSourceCidr(src);
    e.setDestinationPort(dstPort);
    e.setAction(action);
    return e;
  }

  static NetworkAclQuintupleEntries ingress(NetworkAclQuintupleEntry... entries) {
    NetworkAclQuintupleEntries s = new NetworkAclQuintupleEntries();
    s.setIngress(entries);
    return s;
  }

  @Test
  void quintupleAcl_entriesById() throws Exception {
    String vpcId = sdk.vpc("10.62.0.0/16");
    String acl = acl(vpcId, "five", "QUINTUPLE");
    CreateNetworkAclQuintupleEntriesRequest c = new CreateNetworkAclQuintupleEntriesRequest();
    c.setNetworkAclId(acl);
    c.setNetworkAclQuintupleSet(ingress(quintuple("TCP", "10.0.0.0/8", "443", "ACCEPT"),
        quintuple("UDP", null, "53", "ACCEPT")));
    vpc.CreateNetworkAclQuintupleEntries(c);
    DescribeNetworkAclQuintupleEntriesRequest d = new DescribeNetworkAclQuintupleEntriesRequest();
    d.setNetworkAclId(acl);
    NetworkAclQuintupleEntry[] got = vpc.DescribeNetworkAclQuintupleEntries(d).getNetworkAclQuintupleSet();
    assertThat(got).extracting(e -> e.getPriority() + " " + e.getProtocol() + " " + e.getSourceCidr() + " "
        + e.getDestinationCidr() + ":" + e.getDestinationPort() + " " + e.getNetworkAclDirection())
        .containsExactly("1 TCP 10.0.0.0/8 0.0.0.0/0:443 INGRESS", "2 UDP 0.0.0.0/0 0.0.0.0/0:53 INGRESS");

    NetworkAclQuintupleEntry change = quintuple("TCP", "10.0.0.0/8", "8443", "DROP");
    change.setNetworkAclQuintupleEntryId(got[0].getNetworkAclQuintupleEntryId());
    ModifyNetworkAclQuintupleEntriesRequest m = new ModifyNetworkAclQuintupleEntriesRequest();
    m.setNetworkAclId(acl);
    m.setNetworkAclQuintupleSet(ingress(change));
    vpc.ModifyNetworkAclQuintupleEntries(m);
    change.setNetworkAclQuintupleEntryId("acle-zzzzzzzz");
    assertError(() -> vpc.ModifyNetworkAclQuintupleEntries(m), "ResourceNotFound", "acle-zzzzzzzz");

    DeleteNetworkAclQuintupleEntriesRequest del = new DeleteNetworkAclQuintupleEntriesRequest();
    del.setNetworkAclId(acl);
    NetworkAclQuintupleEntry byId = new NetworkAclQuintupleEntry();
    byId.setNetworkAclQuintupleEntryId(got[1].getNetworkAclQuintupleEntryId());
    del.setNetworkAclQuintupleSet(ingress(byId));
    vpc.DeleteNetworkAclQuintupleEntries(del);
    got = vpc.DescribeNetworkAclQuintupleEntries(d).getNetworkAclQuintupleSet();
    assertThat(got).extracting(e -> e.getDestinationPort() + " " + e.getAction()).containsExactly("8443 DROP");

    c.setNetworkAclQuintupleSet(ingress(quintuple("TCP", "10.0.0.0/8", "1-2-3", "ACCEPT")));
    assertError(() -> vpc.CreateNetworkAclQuintupleEntries(c), "InvalidParameterValue.Malformed", "Ingress.0.DestinationPort");
    String triple = acl(vpcId, "three", "TRIPLE");
    c.setNetworkAclId(triple);
    c.setNetworkAclQuintupleSet(ingress(quintuple("TCP", null, "22", "ACCEPT")));
    assertError(() -> vpc.CreateNetworkAclQuintupleEntries(c), "UnsupportedOperation", "TRIPLE");
    assertError(() -> vpc.ModifyNetworkAclEntries(modify(acl, new NetworkAclEntry[] {}, null)),
        "UnsupportedOperation", "QUINTUPLE");
    CreateNetworkAclRequest bad = new CreateNetworkAclRequest();
    bad.setVpcId(vpcId);
    bad.setNetworkAclName("x");
    bad.setNetworkAclType("SEXTUPLE");
    assertError(() -> vpc.CreateNetworkAcl(bad), "InvalidParameterValue", "NetworkAclType");
    bad.setNetworkAclType(null);
    bad.setVpcId("vpc-zzzzzzzz");
    assertError(() -> vpc.CreateNetworkAcl(bad), "ResourceNotFound", "vpc-zzzzzzzz");
  }

  static NetworkAclEntrySet entrySet(NetworkAclEntry[] in, NetworkAclEntry[] out) {
    NetworkAclEntrySet s = new NetworkAclEntrySet();
    s.setIngress(in);
    s.setEgress(out);
    return s;
  }

  static NetworkAclEntry byId(String ipv4Id, String ipv6Id) {
    NetworkAclEntry e = new NetworkAclEntry();
    e.setNetworkAclIpv4EntryId(ipv4Id);
    e.setNetworkAclIpv6EntryId(ipv6Id);
    return e;
  }

  @Test
  void tripleAcl_createAndDeleteEntries() throws Exception {
    String vpcId = sdk.vpc("10.63.0.0/16");
    String acl = acl(vpcId, "incremental", "TRIPLE");
    vpc.ModifyNetworkAclEntries(modify(acl, new NetworkAclEntry[] {entry("TCP", "22", "10.0.0.0/8", "ACCEPT")}, null));
    String first = describe(acl).getIngressEntries()[0].getNetworkAclIpv4EntryId();

    // Create appends to each direction given; an ID given with an entry is not reused.
    CreateNetworkAclEntriesRequest c = new CreateNetworkAclEntriesRequest();
    c.setNetworkAclId(acl);
    NetworkAclEntry v6 = entry("UDP", "53", null, "ACCEPT");
    v6.setIpv6CidrBlock("2402:4e00::/32");
    NetworkAclEntry named = entry("TCP", "443", "0.0.0.0/0", "accept");
    named.setNetworkAclIpv4EntryId(first);
    c.setNetworkAclEntrySet(entrySet(new NetworkAclEntry[] {v6, named},
        new NetworkAclEntry[] {entry("ALL", null, "0.0.0.0/0", "ACCEPT")}));
    vpc.CreateNetworkAclEntries(c);
    NetworkAcl got = describe(acl);
    assertThat(got.getIngressEntries()).extracting(e -> e.getPriority() + " " + e.getProtocol() + " " + e.getPort() + " "
        + e.getCidrBlock() + e.getIpv6CidrBlock() + " " + e.getAction())
        .containsExactly("1 TCP 22 10.0.0.0/8 ACCEPT", "2 UDP 53 2402:4e00::/32 ACCEPT", "3 TCP 443 0.0.0.0/0 ACCEPT");
    assertThat(got.getIngressEntries()[0].getNetworkAclIpv4EntryId()).isEqualTo(first);
    assertThat(got.getIngressEntries()[1].getNetworkAclIpv6EntryId()).matches("acle-[a-z0-9]{8}");
    assertThat(got.getIngressEntries()[2].getNetworkAclIpv4EntryId()).isNotEqualTo(first).matches("acle-[a-z0-9]{8}");
    assertThat(got.getEgressEntries()).extracting(NetworkAclEntry::getProtocol).containsExactly("ALL");

    // Quota (3 inbound in this server), validation as ModifyNetworkAclEntries, nothing half-applied.
    c.setNetworkAclEntrySet(entrySet(new NetworkAclEntry[] {entry("TCP", "25", "10.0.0.0/8", "DROP")}, null));
    assertError(() -> vpc.CreateNetworkAclEntries(c), "LimitExceeded", "network-acl-max-inbound-policies");
    c.setNetworkAclEntrySet(entrySet(null, new NetworkAclEntry[] {entry("ICMP", "8", "10.0.0.0/8", "ACCEPT")}));
    assertError(() -> vpc.CreateNetworkAclEntries(c), "InvalidParameterValue", "NetworkAclEntrySet.Egress.0.Port");
    c.setNetworkAclEntrySet(entrySet(null, new NetworkAclEntry[] {entry("TCP", "80", "10.0.0/8", "ACCEPT")}));
    assertError(() -> vpc.CreateNetworkAclEntries(c), "InvalidParameterValue.Malformed", "Egress.0.CidrBlock");
    NetworkAclEntry both = entry("TCP", "80", "10.0.0.0/8", "ACCEPT");
    both.setIpv6CidrBlock("::/0");
    c.setNetworkAclEntrySet(entrySet(null, new NetworkAclEntry[] {both}));
    assertError(() -> vpc.CreateNetworkAclEntries(c), "InvalidParameter.Coexist", "Egress.0");
    c.setNetworkAclEntrySet(entrySet(new NetworkAclEntry[] {}, null));
    assertError(() -> vpc.CreateNetworkAclEntries(c), "MissingParameter", "NetworkAclEntrySet");
    c.setNetworkAclEntrySet(null);
    assertError(() -> vpc.CreateNetworkAclEntries(c), "MissingParameter", "NetworkAclEntrySet");
    assertThat(describe(acl).getIngressEntries()).hasSize(3);
    assertThat(describe(acl).getEgressEntries()).hasSize(1);

    // Delete names entries by their IPv4 or IPv6 entry ID, per direction.
    got = describe(acl);
    String v6Id = got.getIngressEntries()[1].getNetworkAclIpv6EntryId();
    String egressId = got.getEgressEntries()[0].getNetworkAclIpv4EntryId();
    DeleteNetworkAclEntriesRequest d = new DeleteNetworkAclEntriesRequest();
    d.setNetworkAclId(acl);
    d.setNetworkAclEntrySet(entrySet(new NetworkAclEntry[] {byId(egressId, null)}, null));
    assertError(() -> vpc.DeleteNetworkAclEntries(d), "ResourceNotFound", egressId);
    d.setNetworkAclEntrySet(entrySet(new NetworkAclEntry[] {byId(null, v6Id), byId(first, null)}, null));
    vpc.DeleteNetworkAclEntries(d);
    got = describe(acl);
    assertThat(got.getIngressEntries()).extracting(e -> e.getPriority() + " " + e.getPort()).containsExactly("1 443");
    assertThat(got.getEgressEntries()).hasSize(1);
    assertError(() -> vpc.DeleteNetworkAclEntries(d), "ResourceNotFound", "NetworkAclEntrySet.Ingress.0.NetworkAclIpv6EntryId");
    d.setNetworkAclEntrySet(entrySet(null, new NetworkAclEntry[] {entry("ALL", null, "0.0.0.0/0", "ACCEPT")}));
    assertError(() -> vpc.DeleteNetworkAclEntries(d), "MissingParameter", "NetworkAclEntrySet.Egress.0");
    d.setNetworkAclEntrySet(null);
    assertError(() -> vpc.DeleteNetworkAclEntries(d), "MissingParameter", "NetworkAclEntrySet");
    d.setNetworkAclEntrySet(entrySet(null, new NetworkAclEntry[] {byId(egressId, null)}));
    vpc.DeleteNetworkAclEntries(d);
    assertThat(describe(acl).getEgressEntries()).isEmpty();

    // Unknown, malformed and missing ACL IDs; a five-tuple ACL has its own actions.
    c.setNetworkAclEntrySet(entrySet(new NetworkAclEntry[] {entry("TCP", "80", "10.0.0.0/8", "ACCEPT")}, null));
    c.setNetworkAclId("acl-zzzzzzzz");
    assertError(() -> vpc.CreateNetworkAclEntries(c), "ResourceNotFound", "acl-zzzzzzzz");
    d.setNetworkAclId("acl-zzzzzzzz");
    assertError(() -> vpc.DeleteNetworkAclEntries(d), "ResourceNotFound", "acl-zzzzzzzz");
    c.setNetworkAclId("sg-12345678");
    assertError(() -> vpc.CreateNetworkAclEntries(c), "InvalidParameterValue.Malformed", "NetworkAclId");
    d.setNetworkAclId("acl");
    assertError(() -> vpc.DeleteNetworkAclEntries(d), "InvalidParameterValue.Malformed", "NetworkAclId");
    c.setNetworkAclId(null);
    assertError(() -> vpc.CreateNetworkAclEntries(c), "MissingParameter", "NetworkAclId");
    String five = acl(vpcId, "five", "QUINTUPLE");
    c.setNetworkAclId(five);
    assertError(() -> vpc.CreateNetworkAclEntries(c), "UnsupportedOperation", "QUINTUPLE");
    d.setNetworkAclId(five);
    assertError(() -> vpc.DeleteNetworkAclEntries(d), "UnsupportedOperation", "QUINTUPLE");
  }
}
