package io.openvpc.engine.policy;

import io.openvpc.model.Direction;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The identity of a rule as the user knows it, for explanations and for the data plane's counters:
 * the resource ({@code SecurityGroup sg-...} or {@code NetworkAcl acl-...}), the direction, the rule's
 * 0-based index in that direction of that resource ({@code -1} for an implicit default), and its text as
 * the user wrote it. The text may be made when first asked: a region names a hundred thousand rules,
 * and only the few a trace or an analysis explains are ever read. Immutable; equal when every part is.
 */
public final class RuleRef {
  public static final String SECURITY_GROUP = "SecurityGroup";
  public static final String NETWORK_ACL = "NetworkAcl";

  private final String resourceType;
  private final String resourceId;
  private final Direction direction;
  private final int index;
  /** The text, or what makes it until it is first asked for. */
  private Object text;

  public RuleRef(String resourceType, String resourceId, Direction direction, int index, String text) {
    this(resourceType, resourceId, direction, index, (Object) Objects.requireNonNull(text));
  }

  /** A reference whose text {@code text} makes when first asked for. */
  public RuleRef(String resourceType, String resourceId, Direction direction, int index, Supplier<String> text) {
    this(resourceType, resourceId, direction, index, (Object) Objects.requireNonNull(text));
  }

  private RuleRef(String resourceType, String resourceId, Direction direction, int index, Object text) {
    this.resourceType = resourceType;
    this.resourceId = resourceId;
    this.direction = direction;
    this.index = index;
    this.text = text;
  }

  public String resourceType() {
    return resourceType;
  }

  public String resourceId() {
    return resourceId;
  }

  public Direction direction() {
    return direction;
  }

  public int index() {
    return index;
  }

  public String text() {
    Object t = text;
    if (t instanceof String s) {
      return s;
    }
    @SuppressWarnings("unchecked")
    String made = ((Supplier<String>) t).get();
    text = made; // racing readers make the same text
    return made;
  }

  /** The same rule at another index of its resource (rules above it were added or removed). */
  public RuleRef at(int newIndex) {
    return newIndex == index ? this : new RuleRef(resourceType, resourceId, direction, newIndex, text);
  }

  public boolean isDefault() {
    return index < 0;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof RuleRef r && index == r.index && direction == r.direction
        && Objects.equals(resourceId, r.resourceId) && Objects.equals(resourceType, r.resourceType)
        && text().equals(r.text());
  }

  /** Without the text, which equal references share and which need not be made to be hashed. */
  @Override
  public int hashCode() {
    return Objects.hash(resourceType, resourceId, direction, index);
  }

  @Override
  public String toString() {
    return resourceId + " " + direction.name().toLowerCase() + (index < 0 ? " default" : " #" + index) + ": " + text();
  }
}
