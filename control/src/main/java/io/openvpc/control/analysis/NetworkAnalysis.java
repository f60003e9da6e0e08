package io.openvpc.control.analysis;

import io.openvpc.control.Ledger;
import io.openvpc.control.TopologyChange;
import io.openvpc.control.TopologyListener;
import io.openvpc.engine.Engine;
import io.openvpc.engine.Questions;
import io.openvpc.engine.symbolic.PortCheck;
import io.openvpc.engine.symbolic.ReachEntry;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.model.Scope;
import java.util.List;

/**
 * TracePacket, CheckInstancePorts and AnalyzeReachability over the latest committed snapshot of a
 * scope. As a {@link TopologyListener} it hands every committed change to the engine, which updates
 * its compiled model incrementally instead of recompiling.
 */
public final class NetworkAnalysis implements TopologyListener {
  private final Ledger ledger;
  private final Engine engine = new Engine();
  private final Questions questions = new Questions(engine);

  public NetworkAnalysis(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void changed(TopologyChange change) {
    engine.changed(change.before(), change.after(), change.puts(), change.deletes());
  }

  public Engine engine() {
    return engine;
  }

  public TraceResult trace(Scope scope, TraceRequest request) {
    return questions.trace(ledger.read(scope), request);
  }

  public List<PortCheck.Result> checkPorts(Scope scope, String instanceId, List<String> ports,
      Questions.PortSource source) {
    return questions.checkPorts(ledger.read(scope), instanceId, ports, source);
  }

  /** Who reaches {@code subject} ({@code towards}), or what it reaches; {@code member} names it in errors. */
  public List<ReachEntry> reach(Scope scope, String member, Questions.Subject subject, boolean towards,
      String protocol, String portRange) {
    return questions.reach(ledger.read(scope), member, subject, towards, protocol, portRange);
  }
}
