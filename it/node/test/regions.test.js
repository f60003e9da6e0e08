"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { client } = require("../lib/openvpc");

test("cvm DescribeRegions and DescribeZones", async () => {
  const cvm = client("cvm");
  const regions = await cvm.DescribeRegions({});
  assert.ok(regions.TotalCount >= 20, `only ${regions.TotalCount} regions`);
  assert.ok(regions.RegionSet.some((r) => r.Region === "ap-guangzhou"));
  const zones = await cvm.DescribeZones({});
  assert.ok(zones.ZoneSet.every((z) => z.Zone.startsWith("ap-guangzhou")));
});
