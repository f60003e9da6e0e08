package io.openvpc.dataplane.linux;

import io.openvpc.dataplane.LinuxDataplane;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The agent the crash test kills: {@code CrashAgent <owner> <tag> <seed>} runs a {@link LinuxDataplane}
 * for {@code owner} that realises one {@link CrashTopology} variant after another, as fast as it can,
 * until it is killed. It prints {@code started} once the agent runs, and a line per pass.
 */
public final class CrashAgent {
  private CrashAgent() {}

  public static void main(String[] args) throws Exception {
    String owner = args[0];
    String tag = args[1];
    Random r = new Random(Long.parseLong(args[2]));
    LinuxDataplane dp = new LinuxDataplane(new LinuxHost(owner), new io.openvpc.engine.Engine());
    dp.update(CrashTopology.of(tag, r.nextInt(CrashTopology.VARIANTS)));
    dp.start();
    System.out.println("started");
    System.out.flush();
    for (int pass = 0; ; pass++) {
      int variant = r.nextInt(CrashTopology.VARIANTS);
      dp.awaitApplied(dp.update(CrashTopology.of(tag, variant)), 1, TimeUnit.MINUTES);
      System.out.println("pass " + pass + " variant " + variant);
      System.out.flush();
      Thread.sleep(r.nextInt(30));
    }
  }
}
