package io.openvpc.control.template;

import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.Validate;
import io.openvpc.control.task.TaskService;
import io.openvpc.model.AddressSpec;
import io.openvpc.model.AddressTemplate;
import io.openvpc.model.AddressTemplateGroup;
import io.openvpc.model.Direction;
import io.openvpc.model.Indexes;
import io.openvpc.model.Order;
import io.openvpc.model.Rejection;
import io.openvpc.model.Resource;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.ServiceSpec;
import io.openvpc.model.ServiceTemplate;
import io.openvpc.model.ServiceTemplateGroup;
import io.openvpc.model.Tag;
import io.openvpc.model.TemplateMember;
import io.openvpc.model.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The four kinds of parameter template. A template holds members (addresses, blocks and ranges; or
 * services such as {@code tcp:80}); a group holds templates of its kind. Templates in use by a group
 * or a security group rule cannot be deleted; a group in use by a rule neither.
 */
public final class TemplateService {
  /** The kind of template an ID names, by its prefix. */
  public enum Kind {
    ADDRESS("ipm", "AddressTemplate"),
    ADDRESS_GROUP("ipmg", "AddressTemplateGroup"),
    SERVICE("ppm", "ServiceTemplate"),
    SERVICE_GROUP("ppmg", "ServiceTemplateGroup");

    final String prefix;
    final String apiName;

    Kind(String prefix, String apiName) {
      this.prefix = prefix;
      this.apiName = apiName;
    }

    static Kind of(String id, String param) {
      if (id == null || id.isEmpty()) {
        throw Rejection.missing(param);
      }
      for (Kind k : values()) {
        if (Ids.wellFormed(k.prefix, id)) {
          return k;
        }
      }
      throw Rejection.malformed(param, id, "an ipm-, ipmg-, ppm- or ppmg- template ID");
    }
  }

  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;

  public TemplateService(Ledger ledger, Quotas quotas, Clock clock) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
  }

  // ---- members

  /**
   * The members a create or modify call gives, either as plain values or with descriptions (never both);
   * {@code required} refuses neither.
   */
  static List<TemplateMember> given(String plainParam, List<String> plain, String extraParam,
      List<TemplateMember> extra, boolean required) {
    boolean hasPlain = plain != null && !plain.isEmpty();
    boolean hasExtra = extra != null && !extra.isEmpty();
    if (hasPlain && hasExtra) {
      throw new Rejection("InvalidParameter.Coexist", "`" + plainParam + "` and `" + extraParam
          + "` cannot both be given.", "`" + plainParam + "` 与 `" + extraParam + "` 不能同时指定。");
    }
    if (!hasPlain && !hasExtra) {
      if (required) {
        throw new Rejection("MissingParameter", "Give the members in `" + plainParam + "` or `" + extraParam + "`.",
            "缺少参数 `" + plainParam + "` 或 `" + extraParam + "`。");
      }
      return null;
    }
    return hasPlain ? plain.stream().map(v -> new TemplateMember(v, "")).toList() : extra;
  }

  private List<TemplateMember> members(Kind kind, String param, List<TemplateMember> given) {
    long limit = quotas.get("template-max-members");
    if (given.size() > limit) {
      throw Rejection.value("LimitExceeded", param, "at most " + limit + " members per template (template-max-members).");
    }
    List<TemplateMember> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      TemplateMember m = member(kind, param + "." + i, given.get(i));
      if (!seen.add(m.value())) {
        throw Rejection.value("InvalidParameterValue.Duplicate", param + "." + i, "`" + m.value() + "` is given twice.");
      }
      out.add(m);
    }
    return out;
  }

  private static TemplateMember member(Kind kind, String param, TemplateMember m) {
    String value = m.value();
    if (value == null || value.isBlank()) {
      throw Rejection.missing(param);
    }
    String description = Validate.optionalText(param + ".Description", m.description(), 100);
    try {
      String canonical = kind == Kind.ADDRESS ? AddressSpec.parse(value).text() : ServiceSpec.parseMember(value).memberText();
      return new TemplateMember(canonical, description);
    } catch (IllegalArgumentException e) {
      throw Rejection.malformed(param, value, kind == Kind.ADDRESS
          ? "an IP address, a CIDR block or a range such as 10.0.0.1-10.0.0.9 (" + e.getMessage() + ")"
          : "a service such as tcp:80, udp:53-60, tcp:22,80, icmp or all (" + e.getMessage() + ")");
    }
  }

  private List<String> groupMembers(Topology t, Kind groupKind, String param, List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw Rejection.missing(param);
    }
    Kind memberKind = groupKind == Kind.ADDRESS_GROUP ? Kind.ADDRESS : Kind.SERVICE;
    long limit = quotas.get("template-max-members");
    if (ids.size() > limit) {
      throw Rejection.value("LimitExceeded", param, "at most " + limit + " templates per group (template-max-members).");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String p = param + "." + i;
      Ids.requireWellFormed(memberKind.prefix, ids.get(i), p, "InvalidParameterValue.Malformed");
      if (find(t, memberKind, ids.get(i)) == null) {
        throw Rejection.notFound("ResourceNotFound", p, ids.get(i));
      }
      if (!seen.add(ids.get(i))) {
        throw Rejection.value("InvalidParameterValue.Duplicate", p, "`" + ids.get(i) + "` is given twice.");
      }
    }
    return List.copyOf(ids);
  }

  // ---- create

  public AddressTemplate createAddressTemplate(Scope scope, String name, List<String> addresses,
      List<TemplateMember> extra, List<Tag> tags) {
    String n = Validate.name("AddressTemplateName", name, 60);
    boolean plain = addresses != null && !addresses.isEmpty();
    List<TemplateMember> m = members(Kind.ADDRESS, plain ? "Addresses" : "AddressesExtra",
        given("Addresses", addresses, "AddressesExtra", extra, true));
    List<Tag> tg = Validate.tags("Tags", tags);
    return ledger.write(scope, change -> change.put(
        new AddressTemplate(Ids.next("ipm", change.current()), n, m, tg, clock.instant())));
  }

  public ServiceTemplate createServiceTemplate(Scope scope, String name, List<String> services,
      List<TemplateMember> extra, List<Tag> tags) {
    String n = Validate.name("ServiceTemplateName", name, 60);
    boolean plain = services != null && !services.isEmpty();
    List<TemplateMember> m = members(Kind.SERVICE, plain ? "Services" : "ServicesExtra",
        given("Services", services, "ServicesExtra", extra, true));
    List<Tag> tg = Validate.tags("Tags", tags);
    return ledger.write(scope, change -> change.put(
        new ServiceTemplate(Ids.next("ppm", change.current()), n, m, tg, clock.instant())));
  }

  public AddressTemplateGroup createAddressGroup(Scope scope, String name, List<String> templateIds, List<Tag> tags) {
    String n = Validate.name("AddressTemplateGroupName", name, 60);
    List<Tag> tg = Validate.tags("Tags", tags);
    return ledger.write(scope, change -> change.put(new AddressTemplateGroup(Ids.next("ipmg", change.current()), n,
        groupMembers(change.current(), Kind.ADDRESS_GROUP, "AddressTemplateIds", templateIds), tg, clock.instant())));
  }

  public ServiceTemplateGroup createServiceGroup(Scope scope, String name, List<String> templateIds, List<Tag> tags) {
    String n = Validate.name("ServiceTemplateGroupName", name, 60);
    List<Tag> tg = Validate.tags("Tags", tags);
    return ledger.write(scope, change -> change.put(new ServiceTemplateGroup(Ids.next("ppmg", change.current()), n,
        groupMembers(change.current(), Kind.SERVICE_GROUP, "ServiceTemplateIds", templateIds), tg, clock.instant())));
  }

  // ---- describe

  private static final Filters<AddressTemplate> ADDRESS_FILTERS = new Filters<AddressTemplate>()
      .exact("address-template-id", AddressTemplate::id)
      .fuzzy("address-template-name", AddressTemplate::name)
      .exact("address-ip", a -> a.members().stream().map(TemplateMember::value).toList())
      .tags(AddressTemplate::tags);
  private static final Filters<AddressTemplateGroup> ADDRESS_GROUP_FILTERS = new Filters<AddressTemplateGroup>()
      .exact("address-template-group-id", AddressTemplateGroup::id)
      .fuzzy("address-template-group-name", AddressTemplateGroup::name)
      .exact("address-template-id", AddressTemplateGroup::addressTemplateIds)
      .tags(AddressTemplateGroup::tags);
  private static final Filters<ServiceTemplate> SERVICE_FILTERS = new Filters<ServiceTemplate>()
      .exact("service-template-id", ServiceTemplate::id)
      .fuzzy("service-template-name", ServiceTemplate::name)
      .exact("service-port", s -> s.members().stream().map(TemplateMember::value).toList())
      .tags(ServiceTemplate::tags);
  private static final Filters<ServiceTemplateGroup> SERVICE_GROUP_FILTERS = new Filters<ServiceTemplateGroup>()
      .exact("service-template-group-id", ServiceTemplateGroup::id)
      .fuzzy("service-template-group-name", ServiceTemplateGroup::name)
      .exact("service-template-id", ServiceTemplateGroup::serviceTemplateIds)
      .tags(ServiceTemplateGroup::tags);

  public Page<AddressTemplate> describeAddressTemplates(Scope scope, List<Filter> filters, Long offset, Long limit) {
    return page(ledger.read(scope), Indexes.ADDRESS_TEMPLATE_NEWEST, ADDRESS_FILTERS, filters, offset, limit);
  }

  public Page<AddressTemplateGroup> describeAddressGroups(Scope scope, List<Filter> filters, Long offset, Long limit) {
    return page(ledger.read(scope), Indexes.ADDRESS_TEMPLATE_GROUP_NEWEST, ADDRESS_GROUP_FILTERS, filters, offset,
        limit);
  }

  public Page<ServiceTemplate> describeServiceTemplates(Scope scope, List<Filter> filters, Long offset, Long limit) {
    return page(ledger.read(scope), Indexes.SERVICE_TEMPLATE_NEWEST, SERVICE_FILTERS, filters, offset, limit);
  }

  public Page<ServiceTemplateGroup> describeServiceGroups(Scope scope, List<Filter> filters, Long offset, Long limit) {
    return page(ledger.read(scope), Indexes.SERVICE_TEMPLATE_GROUP_NEWEST, SERVICE_GROUP_FILTERS, filters, offset,
        limit);
  }

  /** Newest first: without filters, cut from the order the snapshot keeps; with them, the matches sorted so. */
  private static <R extends Resource> Page<R> page(Topology t, Order<R> order, Filters<R> rules, List<Filter> filters,
      Long offset, Long limit) {
    if (filters == null || filters.isEmpty()) {
      return Page.of(t, order, false, offset, limit);
    }
    List<R> found = rules.apply(t.all(order.type()), filters);
    found.sort(order.comparator());
    return Page.of(found, offset, limit);
  }

  /** The templates of the given IDs that exist, for showing a group's members. */
  public static List<AddressTemplate> addressTemplates(Topology t, List<String> ids) {
    return ids.stream().flatMap(i -> t.find(AddressTemplate.class, i).stream()).toList();
  }

  public static List<ServiceTemplate> serviceTemplates(Topology t, List<String> ids) {
    return ids.stream().flatMap(i -> t.find(ServiceTemplate.class, i).stream()).toList();
  }

  public Topology snapshot(Scope scope) {
    return ledger.read(scope);
  }

  // ---- modify

  public void modifyAddressTemplate(Scope scope, String id, String name, List<String> addresses,
      List<TemplateMember> extra) {
    String n = name == null ? null : Validate.name("AddressTemplateName", name, 60);
    List<TemplateMember> g = given("Addresses", addresses, "AddressesExtra", extra, false);
    List<TemplateMember> m = g == null ? null : members(Kind.ADDRESS, "Addresses", g);
    ledger.write(scope, change -> {
      AddressTemplate a = (AddressTemplate) require(change.current(), Kind.ADDRESS, id, "AddressTemplateId");
      return change.put(new AddressTemplate(a.id(), n != null ? n : a.name(), m != null ? m : a.members(), a.tags(),
          a.createdTime()));
    });
  }

  public void modifyServiceTemplate(Scope scope, String id, String name, List<String> services,
      List<TemplateMember> extra) {
    String n = name == null ? null : Validate.name("ServiceTemplateName", name, 60);
    List<TemplateMember> g = given("Services", services, "ServicesExtra", extra, false);
    List<TemplateMember> m = g == null ? null : members(Kind.SERVICE, "Services", g);
    ledger.write(scope, change -> {
      ServiceTemplate s = (ServiceTemplate) require(change.current(), Kind.SERVICE, id, "ServiceTemplateId");
      return change.put(new ServiceTemplate(s.id(), n != null ? n : s.name(), m != null ? m : s.members(), s.tags(),
          s.createdTime()));
    });
  }

  public void modifyAddressGroup(Scope scope, String id, String name, List<String> templateIds) {
    String n = name == null ? null : Validate.name("AddressTemplateGroupName", name, 60);
    ledger.write(scope, change -> {
      Topology t = change.current();
      AddressTemplateGroup a = (AddressTemplateGroup) require(t, Kind.ADDRESS_GROUP, id, "AddressTemplateGroupId");
      List<String> ids = templateIds == null || templateIds.isEmpty() ? a.addressTemplateIds()
          : groupMembers(t, Kind.ADDRESS_GROUP, "AddressTemplateIds", templateIds);
      return change.put(new AddressTemplateGroup(a.id(), n != null ? n : a.name(), ids, a.tags(), a.createdTime()));
    });
  }

  public void modifyServiceGroup(Scope scope, String id, String name, List<String> templateIds) {
    String n = name == null ? null : Validate.name("ServiceTemplateGroupName", name, 60);
    ledger.write(scope, change -> {
      Topology t = change.current();
      ServiceTemplateGroup s = (ServiceTemplateGroup) require(t, Kind.SERVICE_GROUP, id, "ServiceTemplateGroupId");
      List<String> ids = templateIds == null || templateIds.isEmpty() ? s.serviceTemplateIds()
          : groupMembers(t, Kind.SERVICE_GROUP, "ServiceTemplateIds", templateIds);
      return change.put(new ServiceTemplateGroup(s.id(), n != null ? n : s.name(), ids, s.tags(), s.createdTime()));
    });
  }

  // ---- delete

  /** Deletes a template or group of the expected kind that nothing uses. */
  public void delete(Scope scope, Kind kind, String id, String param) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      Resource r = require(t, kind, id, param);
      List<String> users = users(t, r.id());
      if (!users.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", r.id(), String.join(", ", users) + "; remove those references first");
      }
      change.delete(r);
      return null;
    });
  }

  /** The groups and security groups that name a template or group, as the delete refusal names them. */
  static List<String> users(Topology t, String id) {
    return instances(t, id).stream().map(TemplateUser::text).toList();
  }

  /**
   * The resources that name a template or group directly: the template groups that contain it (by ID),
   * then the security groups whose rules name it (by ID), each with those rules.
   */
  static List<TemplateUser> instances(Topology t, String id) {
    List<TemplateUser> out = new ArrayList<>();
    t.by(Indexes.ADDRESS_TEMPLATE_GROUP_BY_MEMBER, id).stream().map(AddressTemplateGroup::id)
        .forEach(g -> out.add(new TemplateUser(Kind.ADDRESS_GROUP.apiName, g, List.of())));
    t.by(Indexes.SERVICE_TEMPLATE_GROUP_BY_MEMBER, id).stream().map(ServiceTemplateGroup::id)
        .forEach(g -> out.add(new TemplateUser(Kind.SERVICE_GROUP.apiName, g, List.of())));
    for (SecurityGroup g : t.by(Indexes.SECURITY_GROUP_BY_REFERENCE, id)) {  // by ID
      List<TemplateUser.Rule> rules = new ArrayList<>();
      for (Direction d : Direction.values()) {
        List<SecurityGroupPolicy> policies = g.policies(d);
        for (int i = 0; i < policies.size(); i++) {
          SecurityGroupPolicy p = policies.get(i);
          if (p.addressTemplateId().equals(id) || p.addressTemplateGroupId().equals(id)
              || p.serviceTemplateId().equals(id) || p.serviceTemplateGroupId().equals(id)) {
            rules.add(new TemplateUser.Rule(d, i));
          }
        }
      }
      if (!rules.isEmpty()) {
        out.add(new TemplateUser(TemplateUser.SECURITY_GROUP, g.id(), rules));
      }
    }
    return out;
  }

  /**
   * Describe*TemplateInstances: which resources name the template or group ({@link #instances}), paged.
   * Tencent answers these as tasks: the call records, under its request ID, a finished task whose
   * resources are the page's resource IDs and whose output is {@code output} applied to the page, for
   * DescribeVpcTaskResult.
   */
  public Page<TemplateUser> describeInstances(Scope scope, Kind kind, String id, String param, Long offset, Long limit,
      String requestId, String action, Function<Page<TemplateUser>, String> output) {
    return ledger.write(scope, change -> {
      Topology t = change.current();
      Resource r = require(t, kind, id, param);
      Page<TemplateUser> page = Page.of(instances(t, r.id()), offset, limit);
      TaskService.record(change, clock, requestId, action, page.items().stream().map(TemplateUser::id).toList(),
          output.apply(page));
      return page;
    });
  }

  private static Resource find(Topology t, Kind kind, String id) {
    Class<? extends Resource> type = switch (kind) {
      case ADDRESS -> AddressTemplate.class;
      case ADDRESS_GROUP -> AddressTemplateGroup.class;
      case SERVICE -> ServiceTemplate.class;
      case SERVICE_GROUP -> ServiceTemplateGroup.class;
    };
    return t.find(type, id).orElse(null);
  }

  private static Resource require(Topology t, Kind kind, String id, String param) {
    Ids.requireWellFormed(kind.prefix, id, param, "InvalidParameterValue.Malformed");
    Resource r = find(t, kind, id);
    if (r == null) {
      throw Rejection.notFound("ResourceNotFound", param, id);
    }
    return r;
  }

  // ---- members by template ID

  /** AddTemplateMember: appends members (values, or template IDs for a group). */
  public void addMembers(Scope scope, String templateId, List<TemplateMember> added) {
    editMembers(scope, templateId, "TemplateMember", current -> {
      List<TemplateMember> next = new ArrayList<>(current);
      next.addAll(required("TemplateMember", added));
      return next;
    });
  }

  /** DeleteTemplateMember: removes the members named (each must be present). */
  public void deleteMembers(Scope scope, String templateId, List<TemplateMember> removed) {
    Kind expect = Kind.of(templateId, "TemplateId");
    editMembers(scope, templateId, "TemplateMember", current -> {
      List<TemplateMember> next = new ArrayList<>(current);
      List<TemplateMember> r = required("TemplateMember", removed);
      for (int i = 0; i < r.size(); i++) {
        int at = indexOf(next, canonical(expect, "TemplateMember." + i + ".Member", r.get(i)));
        if (at < 0) {
          throw Rejection.value("InvalidParameterValue", "TemplateMember." + i + ".Member", "`" + r.get(i).value()
              + "` is not a member of " + templateId + ".");
        }
        next.remove(at);
      }
      return next;
    });
  }

  /** ModifyTemplateMember: replaces each original member by the new member at the same position. */
  public void modifyMembers(Scope scope, String templateId, List<TemplateMember> originals,
      List<TemplateMember> replacements) {
    Kind expect = Kind.of(templateId, "TemplateId");
    List<TemplateMember> o = required("OriginalTemplateMember", originals);
    List<TemplateMember> n = required("TemplateMember", replacements);
    if (o.size() != n.size()) {
      throw Rejection.value("InvalidParameterValue", "TemplateMember", "gives " + n.size() + " members for "
          + o.size() + " in OriginalTemplateMember; each original is replaced by the member at its position.");
    }
    editMembers(scope, templateId, "TemplateMember", current -> {
      List<TemplateMember> next = new ArrayList<>(current);
      for (int i = 0; i < o.size(); i++) {
        int at = indexOf(next, canonical(expect, "OriginalTemplateMember." + i + ".Member", o.get(i)));
        if (at < 0) {
          throw Rejection.value("InvalidParameterValue", "OriginalTemplateMember." + i + ".Member", "`"
              + o.get(i).value() + "` is not a member of " + templateId + ".");
        }
        next.set(at, n.get(i));
      }
      return next;
    });
  }

  private static String canonical(Kind kind, String param, TemplateMember m) {
    if (kind == Kind.ADDRESS_GROUP || kind == Kind.SERVICE_GROUP) {
      return m.value();
    }
    return member(kind, param, m).value();
  }

  private static int indexOf(List<TemplateMember> list, String value) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).value().equals(value)) {
        return i;
      }
    }
    return -1;
  }

  private static List<TemplateMember> required(String param, List<TemplateMember> m) {
    if (m == null || m.isEmpty()) {
      throw Rejection.missing(param);
    }
    return m;
  }

  private interface MemberEdit {
    List<TemplateMember> apply(List<TemplateMember> current);
  }

  private void editMembers(Scope scope, String templateId, String param, MemberEdit edit) {
    Kind kind = Kind.of(templateId, "TemplateId");
    ledger.write(scope, change -> {
      Topology t = change.current();
      Resource r = require(t, kind, templateId, "TemplateId");
      switch (kind) {
        case ADDRESS -> {
          AddressTemplate a = (AddressTemplate) r;
          change.put(new AddressTemplate(a.id(), a.name(), members(kind, param, edit.apply(a.members())), a.tags(),
              a.createdTime()));
        }
        case SERVICE -> {
          ServiceTemplate s = (ServiceTemplate) r;
          change.put(new ServiceTemplate(s.id(), s.name(), members(kind, param, edit.apply(s.members())), s.tags(),
              s.createdTime()));
        }
        case ADDRESS_GROUP -> {
          AddressTemplateGroup g = (AddressTemplateGroup) r;
          List<String> ids = edit.apply(asMembers(g.addressTemplateIds())).stream().map(TemplateMember::value).toList();
          change.put(new AddressTemplateGroup(g.id(), g.name(), groupMembers(t, kind, param, ids), g.tags(),
              g.createdTime()));
        }
        case SERVICE_GROUP -> {
          ServiceTemplateGroup g = (ServiceTemplateGroup) r;
          List<String> ids = edit.apply(asMembers(g.serviceTemplateIds())).stream().map(TemplateMember::value).toList();
          change.put(new ServiceTemplateGroup(g.id(), g.name(), groupMembers(t, kind, param, ids), g.tags(),
              g.createdTime()));
        }
      }
      return null;
    });
  }

  private static List<TemplateMember> asMembers(List<String> ids) {
    return ids.stream().map(i -> new TemplateMember(i, "")).toList();
  }

  /** DescribeTemplateLimits: one configured limit for all four kinds. */
  public long memberLimit() {
    return quotas.get("template-max-members");
  }
}
