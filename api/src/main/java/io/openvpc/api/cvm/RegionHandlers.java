package io.openvpc.api.cvm;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.types.cvm.CvmActions;
import io.openvpc.api.types.cvm.DescribeRegionsRequest;
import io.openvpc.api.types.cvm.DescribeRegionsResponse;
import io.openvpc.api.types.cvm.DescribeZonesRequest;
import io.openvpc.api.types.cvm.DescribeZonesResponse;
import io.openvpc.api.types.cvm.RegionInfo;
import io.openvpc.api.types.cvm.ZoneInfo;
import io.openvpc.control.Regions;
import java.util.List;

/** cvm DescribeRegions and DescribeZones, served from the regions catalogue. */
public final class RegionHandlers implements HandlerFamily {
  private final Regions regions;

  public RegionHandlers(Regions regions) {
    this.regions = regions;
  }

  @Override
  public void register(Actions actions) {
    actions.onGlobal(CvmActions.DescribeRegions, this::regions)
        .on(CvmActions.DescribeZones, this::zones);
  }

  DescribeRegionsResponse regions(Call call, DescribeRegionsRequest r) {
    List<RegionInfo> set = regions.all().stream().map(region -> new RegionInfo()
        .setRegion(region.name())
        .setRegionName(call.chinese() ? region.nameZh() : region.nameEn())
        .setRegionState("AVAILABLE")).toList();
    return new DescribeRegionsResponse().setTotalCount((long) set.size()).setRegionSet(set);
  }

  DescribeZonesResponse zones(Call call, DescribeZonesRequest r) {
    List<ZoneInfo> set = regions.require(call.region()).zones().stream().map(z -> new ZoneInfo()
        .setZone(z.name())
        .setZoneName(call.chinese() ? z.nameZh() : z.nameEn())
        .setZoneId(z.id())
        .setZoneState(z.state())).toList();
    return new DescribeZonesResponse().setTotalCount((long) set.size()).setZoneSet(set);
  }
}
