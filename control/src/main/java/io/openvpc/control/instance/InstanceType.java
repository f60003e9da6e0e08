package io.openvpc.control.instance;

/**
 * One instance type of OpenVPC's catalogue: its size and the ENI limits that Tencent publishes per
 * CPU count for its standard families ({@code eniQuota} ENIs including the primary one, each with at
 * most {@code ipsPerEni} private IPv4 addresses).
 */
public record InstanceType(String name, String family, int cpu, int memoryGb, int eniQuota, int ipsPerEni) {}
