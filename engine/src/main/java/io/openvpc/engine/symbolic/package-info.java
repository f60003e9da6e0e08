/**
 * The symbolic interpreter of the one decision model: packet header sets as binary decision diagrams
 * ({@link Bdd}, over the fields laid out in {@link HeaderSpace}), the same rules and first-match lists
 * the tracer evaluates concretely turned into sets ({@link SymbolicPolicy}), the exhaustive
 * "who can reach what" analysis over the compiled network ({@link Reachability}), and instance port
 * verification ({@link PortCheck}, which explains closed ports with the tracer). Depends on model and
 * {@code engine.policy}, {@code engine.graph}, {@code engine.trace}.
 */
package io.openvpc.engine.symbolic;
