package io.openvpc.dataplane.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openvpc.dataplane.Fixtures;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guard of every test that needs the kernel (root, {@code ip netns}, libnftables), and the owners
 * kernel tests mark what they create with: {@code ktest-<pid>-<what>-<suffix>}, the pid being the test
 * JVM's. A test checks and cleans only what its own owner created, so that several test runs can share
 * the machine; namespaces of a test JVM that is gone (a crashed run) are removed.
 */
public final class KernelTests {
  /** Every kernel test marks what it creates with an owner starting with this. */
  static final String OWNER_PREFIX = "ktest-";
  private static final Pattern OWNER = Pattern.compile("ktest-(\\d+)-.*");

  private KernelTests() {}

  static void assumeKernel() {
    Optional<String> why = LinuxHost.unavailableReason();
    if (why.isPresent()) {
      System.err.println("SKIPPED data plane kernel test: " + why.get());
    }
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    List<String> gone = LinuxHost.deleteLeftovers(KernelTests::ofDeadRun);
    if (!gone.isEmpty()) {
      System.err.println("removed namespaces left by an earlier, interrupted test run: " + gone);
    }
  }

  /** A fresh owner for one test's namespaces. */
  public static String owner(String what) {
    return OWNER_PREFIX + ProcessHandle.current().pid() + "-" + what + "-" + Fixtures.suffix();
  }

  /** Whether an owner mark is a kernel test's whose JVM is no longer running. */
  static boolean ofDeadRun(String owner) {
    Matcher m = OWNER.matcher(owner);
    return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
  }
}
