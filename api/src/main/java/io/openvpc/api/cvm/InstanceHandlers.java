package io.openvpc.api.cvm;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.cvm.CvmActions;
import io.openvpc.api.types.cvm.DescribeImagesRequest;
import io.openvpc.api.types.cvm.DescribeImagesResponse;
import io.openvpc.api.types.cvm.DescribeInstanceTypeConfigsRequest;
import io.openvpc.api.types.cvm.DescribeInstanceTypeConfigsResponse;
import io.openvpc.api.types.cvm.DescribeInstancesRequest;
import io.openvpc.api.types.cvm.DescribeInstancesResponse;
import io.openvpc.api.types.cvm.DescribeInstancesStatusRequest;
import io.openvpc.api.types.cvm.DescribeInstancesStatusResponse;
import io.openvpc.api.types.cvm.Image;
import io.openvpc.api.types.cvm.InstanceStatus;
import io.openvpc.api.types.cvm.InstanceTypeConfig;
import io.openvpc.api.types.cvm.InternetAccessible;
import io.openvpc.api.types.cvm.LoginSettings;
import io.openvpc.api.types.cvm.ModifyInstancesAttributeRequest;
import io.openvpc.api.types.cvm.ModifyInstancesAttributeResponse;
import io.openvpc.api.types.cvm.Placement;
import io.openvpc.api.types.cvm.RebootInstancesRequest;
import io.openvpc.api.types.cvm.RebootInstancesResponse;
import io.openvpc.api.types.cvm.RunInstancesRequest;
import io.openvpc.api.types.cvm.RunInstancesResponse;
import io.openvpc.api.types.cvm.StartInstancesRequest;
import io.openvpc.api.types.cvm.StartInstancesResponse;
import io.openvpc.api.types.cvm.StopInstancesRequest;
import io.openvpc.api.types.cvm.StopInstancesResponse;
import io.openvpc.api.types.cvm.SystemDisk;
import io.openvpc.api.types.cvm.TagSpecification;
import io.openvpc.api.types.cvm.TerminateInstancesRequest;
import io.openvpc.api.types.cvm.TerminateInstancesResponse;
import io.openvpc.api.types.cvm.VirtualPrivateCloud;
import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Page;
import io.openvpc.control.Regions;
import io.openvpc.control.instance.Catalogue;
import io.openvpc.control.instance.InstanceService;
import io.openvpc.control.instance.InstanceService.InstanceView;
import io.openvpc.control.instance.InstanceType;
import io.openvpc.model.Instance;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * The networking part of cvm: RunInstances, DescribeInstances, DescribeInstancesStatus, Start, Stop,
 * Reboot and TerminateInstances, ModifyInstancesAttribute, and the catalogue (DescribeInstanceTypeConfigs,
 * DescribeImages).
 */
public final class InstanceHandlers implements HandlerFamily {
  private final InstanceService instances;
  private final Regions regions;

  public InstanceHandlers(InstanceService instances, Regions regions) {
    this.instances = instances;
    this.regions = regions;
  }

  @Override
  public void register(Actions actions) {
    actions.on(CvmActions.RunInstances, this::run)
        .on(CvmActions.DescribeInstances, this::describe)
        .on(CvmActions.DescribeInstancesStatus, this::status)
        .on(CvmActions.StartInstances, this::start)
        .on(CvmActions.StopInstances, this::stop)
        .on(CvmActions.RebootInstances, this::reboot)
        .on(CvmActions.TerminateInstances, this::terminate)
        .on(CvmActions.ModifyInstancesAttribute, this::modify)
        .on(CvmActions.DescribeInstanceTypeConfigs, this::typeConfigs)
        .on(CvmActions.DescribeImages, this::images);
  }

  RunInstancesResponse run(Call call, RunInstancesRequest r) {
    VirtualPrivateCloud vpc = r.getVirtualPrivateCloud();
    List<Tag> tags = new ArrayList<>();
    if (r.getTagSpecification() != null) {
      for (TagSpecification s : r.getTagSpecification()) {
        if ("instance".equalsIgnoreCase(s.getResourceType())) {
          s.getTags().forEach(t -> tags.add(new Tag(t.getKey(), t.getValue())));
        }
      }
    }
    List<Instance> created = instances.run(call.scope(), new InstanceService.RunSpec(
        r.getPlacement() == null ? null : r.getPlacement().getZone(), r.getInstanceType(), r.getImageId(),
        vpc == null ? null : vpc.getVpcId(), vpc == null ? null : vpc.getSubnetId(),
        vpc == null ? null : vpc.getPrivateIpAddresses(), r.getSecurityGroupIds(), r.getInstanceCount(),
        r.getInstanceName(), tags, Boolean.TRUE.equals(r.getDryRun())));
    return new RunInstancesResponse().setInstanceIdSet(created.stream().map(Instance::id).toList());
  }

  DescribeInstancesResponse describe(Call call, DescribeInstancesRequest r) {
    Page<InstanceView> page = instances.describe(call.scope(), r.getInstanceIds(), filters(r.getFilters()),
        r.getOffset(), r.getLimit());
    return new DescribeInstancesResponse().setTotalCount(page.totalCount())
        .setInstanceSet(page.items().stream().map(this::view).toList());
  }

  static List<Filter> filters(List<io.openvpc.api.types.cvm.Filter> filters) {
    return filters == null ? null : filters.stream().map(f -> new Filter(f.getName(), f.getValues())).toList();
  }

  DescribeInstancesStatusResponse status(Call call, DescribeInstancesStatusRequest r) {
    Page<InstanceView> page = instances.describe(call.scope(), r.getInstanceIds(), null, r.getOffset(), r.getLimit());
    return new DescribeInstancesStatusResponse().setTotalCount(page.totalCount())
        .setInstanceStatusSet(page.items().stream().map(v -> new InstanceStatus().setInstanceId(v.instance().id())
            .setInstanceState(v.instance().state().name())).toList());
  }

  StartInstancesResponse start(Call call, StartInstancesRequest r) {
    instances.start(call.scope(), r.getInstanceIds());
    return new StartInstancesResponse();
  }

  StopInstancesResponse stop(Call call, StopInstancesRequest r) {
    instances.stop(call.scope(), r.getInstanceIds());
    return new StopInstancesResponse();
  }

  RebootInstancesResponse reboot(Call call, RebootInstancesRequest r) {
    instances.reboot(call.scope(), r.getInstanceIds());
    return new RebootInstancesResponse();
  }

  TerminateInstancesResponse terminate(Call call, TerminateInstancesRequest r) {
    instances.terminate(call.scope(), r.getInstanceIds());
    return new TerminateInstancesResponse();
  }

  ModifyInstancesAttributeResponse modify(Call call, ModifyInstancesAttributeRequest r) {
    instances.modify(call.scope(), r.getInstanceIds(), r.getInstanceName(), r.getSecurityGroups());
    return new ModifyInstancesAttributeResponse();
  }

  private static final Filters<InstanceTypeConfig> TYPE_FILTERS = new Filters<InstanceTypeConfig>()
      .exact("zone", InstanceTypeConfig::getZone)
      .exact("instance-family", InstanceTypeConfig::getInstanceFamily)
      .exact("instance-type", InstanceTypeConfig::getInstanceType);

  DescribeInstanceTypeConfigsResponse typeConfigs(Call call, DescribeInstanceTypeConfigsRequest r) {
    List<InstanceTypeConfig> all = new ArrayList<>();
    for (var zone : regions.require(call.region()).zones()) {
      for (InstanceType t : Catalogue.types(null)) {
        all.add(new InstanceTypeConfig().setZone(zone.name()).setInstanceType(t.name()).setInstanceFamily(t.family())
            .setCPU((long) t.cpu()).setMemory((long) t.memoryGb()).setGPU(0L).setFPGA(0L).setGpuCount(0.0));
      }
    }
    return new DescribeInstanceTypeConfigsResponse().setInstanceTypeConfigSet(TYPE_FILTERS.apply(all, filters(r.getFilters())));
  }

  private static final Filters<Catalogue.Image> IMAGE_FILTERS = new Filters<Catalogue.Image>()
      .exact("image-id", Catalogue.Image::id)
      .exact("image-type", i -> "PUBLIC_IMAGE")
      .exact("platform", Catalogue.Image::platform)
      .fuzzy("image-name", Catalogue.Image::name)
      .exact("dedicated-cluster-id", i -> List.of()) // public images are not cached in CDC clusters
      .exact("cdc-cache-status", i -> List.of())
      .tags(i -> List.of()); // public images carry no tags: tag-key, tag-value and tag:<key> match none

  DescribeImagesResponse images(Call call, DescribeImagesRequest r) {
    List<Catalogue.Image> found = r.getImageIds() != null && !r.getImageIds().isEmpty()
        ? Catalogue.images().stream().filter(i -> r.getImageIds().contains(i.id())).toList()
        : IMAGE_FILTERS.apply(Catalogue.images(), filters(r.getFilters()));
    Page<Catalogue.Image> page = Page.of(found, r.getOffset(), r.getLimit());
    return new DescribeImagesResponse().setTotalCount(page.totalCount()).setImageSet(page.items().stream()
        .map(i -> new Image().setImageId(i.id()).setImageName(i.name()).setOsName(i.osName()).setPlatform(i.platform())
            .setArchitecture(i.architecture()).setImageType("PUBLIC_IMAGE").setImageState("NORMAL")
            .setImageSource("OFFICIAL").setImageSize(20L).setImageCreator("").setImageDescription(i.name())
            .setCreatedTime("2024-01-01T00:00:00Z").setIsSupportCloudinit(true).setLicenseType("TencentCloud")
            .setImageDeprecated(false).setSnapshotSet(List.of()).setTags(List.of())).toList());
  }

  io.openvpc.api.types.cvm.Instance view(InstanceView v) {
    Instance i = v.instance();
    NetworkInterface primary = v.primary();
    InstanceType type = Catalogue.type(i.instanceType()).orElse(null);
    return new io.openvpc.api.types.cvm.Instance()
        .setPlacement(new Placement().setZone(i.zone()).setProjectId(0L))
        .setInstanceId(i.id())
        .setInstanceType(i.instanceType())
        .setCPU(type == null ? 0L : type.cpu())
        .setMemory(type == null ? 0L : type.memoryGb())
        .setRestrictState("NORMAL")
        .setInstanceName(i.name())
        .setInstanceChargeType("POSTPAID_BY_HOUR")
        .setSystemDisk(new SystemDisk().setDiskType("CLOUD_BSSD").setDiskSize(20L).setEncrypt(false).setKmsKeyId(""))
        .setDataDisks(List.of())
        .setPrivateIpAddresses(List.of(primary.primaryIp().toString()))
        .setPublicIpAddresses(List.of())
        .setInternetAccessible(new InternetAccessible().setInternetChargeType("TRAFFIC_POSTPAID_BY_HOUR")
            .setInternetMaxBandwidthOut(0L).setPublicIpAssigned(false))
        .setVirtualPrivateCloud(new VirtualPrivateCloud().setVpcId(i.vpcId()).setSubnetId(i.subnetId())
            .setAsVpcGateway(false).setPrivateIpAddresses(List.of(primary.primaryIp().toString())))
        .setImageId(i.imageId())
        .setRenewFlag("")
        .setCreatedTime(Times.iso(i.createdTime()))
        .setExpiredTime(null) // pay-as-you-go: Tencent answers null
        .setLoginSettings(new LoginSettings().setKeyIds(List.of()))
        .setDisasterRecoverGroupId("")
        .setHpcClusterId("")
        .setDedicatedClusterId("")
        .setIsolatedSource("NOTISOLATED")
        .setDisasterRecoverGroupIds(List.of())
        .setLicenseType("TencentCloud")
        .setOsName(Catalogue.image(i.imageId()).map(Catalogue.Image::osName).orElse(""))
        .setSecurityGroupIds(primary.securityGroupIds())
        .setInstanceState(i.state().name())
        .setTags(i.tags().stream().map(t -> new io.openvpc.api.types.cvm.Tag().setKey(t.key()).setValue(t.value())).toList())
        .setStopChargingMode("NOT_APPLICABLE")
        .setUuid(InstanceService.uuidOf(i))
        .setIPv6Addresses(primary.ipv6Addresses().stream().map(a -> a.address().toString()).toList())
        .setDisableApiTermination(false)
        .setDefaultLoginUser("root")
        .setDefaultLoginPort(22L);
  }
}
