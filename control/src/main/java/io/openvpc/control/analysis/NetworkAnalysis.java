package io.openvpc.control.analysis;

import io.openvpc.control.Ledger;
import io.openvpc.model.TopologyChange;
import io.openvpc.control.TopologyListener;
import io.openvpc.engine.Engine;
import io.openvpc.engine.Questions;
import io.openvpc.engine.symbolic.PortCheck;
import io.openvpc.engine.symbolic.PortProbe;
import io.openvpc.engine.symbolic.ReachEntry;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortSpec;
import io.openvpc.model.Scope;
import java.util.List;
import java.util.Optional;

/**
 * TracePacket, CheckInstancePorts and AnalyzeReachability over the latest committed snapshot of a
 * scope. As a {@link TopologyListener} it hands every committed change, whole, to the server's one
 * engine, which updates its graph incrementally and tells its own listeners (the data plane) what that
 * touched.
 */
public final class NetworkAnalysis implements TopologyListener {
  private final Ledger ledger;
  private final Engine engine;
  private final Questions questions;

  public NetworkAnalysis(Ledger ledger, Engine engine) {
    this.ledger = ledger;
    this.engine = engine;
    this.questions = new Questions(engine);
  }

  @Override
  public void changed(TopologyChange change) {
    engine.changed(change);
  }

  public Engine engine() {
    return engine;
  }

  public TraceResult trace(Scope scope, TraceRequest request) {
    return questions.trace(ledger.read(scope), request);
  }

  public List<PortCheck.Result> checkPorts(Scope scope, String instanceId, List<PortProbe> probes,
      Questions.PortSource source) {
    return questions.checkPorts(ledger.read(scope), instanceId, probes, source);
  }

  /** Who reaches {@code subject} ({@code towards}), or what it reaches; {@code member} names it in errors. */
  public List<ReachEntry> reach(Scope scope, String member, Questions.Subject subject, boolean towards,
      Optional<IpProtocol> protocol, Optional<PortSpec> ports) {
    return questions.reach(ledger.read(scope), member, subject, towards, protocol, ports);
  }
}
