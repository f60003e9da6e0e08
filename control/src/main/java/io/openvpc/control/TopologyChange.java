package io.openvpc.control;

import io.openvpc.model.Resource;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import java.util.List;
import java.util.Map;

/** A committed change of one scope: the snapshots before and after, and what was written. */
public record TopologyChange(
    Scope scope, Topology before, Topology after, List<Resource> puts,
    List<Map.Entry<Class<? extends Resource>, String>> deletes) {}
