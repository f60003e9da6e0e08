package io.openvpc.control.template;

import io.openvpc.model.Direction;
import java.util.List;

/**
 * A resource that names a parameter template or group: a template group that contains a template, or
 * a security group whose rules name it, with those rules by direction and 0-based index.
 */
public record TemplateUser(String type, String id, List<Rule> rules) {
  public static final String SECURITY_GROUP = "SecurityGroup";

  /** A security group rule at its position. */
  public record Rule(Direction direction, int index) {}

  public TemplateUser {
    rules = List.copyOf(rules);
  }

  /** How the delete refusal names the user. */
  String text() {
    return type.equals(SECURITY_GROUP) ? "rules of security group " + id : "template group " + id;
  }
}
