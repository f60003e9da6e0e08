package io.openvpc.engine.compile;

/**
 * A named kind of compiler output that other compilers read but the graph's consumers do not: one
 * security group's compiled rules, one route table's routes, the addresses a HAVIP announces on an
 * ENI. Artifacts are keyed by an ID; one that is {@code shared} may be written by several resources
 * under one ID, and reads return every writer's value.
 */
public final class Artifact<T> {
  private final String name;
  private final boolean shared;

  private Artifact(String name, boolean shared) {
    this.name = name;
    this.shared = shared;
  }

  /** An artifact with one writer per ID. */
  public static <T> Artifact<T> of(String name) {
    return new Artifact<>(name, false);
  }

  /** An artifact several resources contribute to under one ID. */
  public static <T> Artifact<T> shared(String name) {
    return new Artifact<>(name, true);
  }

  public boolean shared() {
    return shared;
  }

  @Override
  public String toString() {
    return name;
  }
}
