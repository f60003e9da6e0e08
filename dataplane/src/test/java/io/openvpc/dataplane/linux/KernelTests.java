package io.openvpc.dataplane.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;

/** The guard of every test that needs the kernel: root, {@code ip netns} and {@code nft}. */
final class KernelTests {
  private KernelTests() {}

  static void assumeKernel() {
    Optional<String> why = LinuxHost.unavailableReason();
    if (why.isPresent()) {
      System.err.println("SKIPPED data plane kernel test: " + why.get());
    }
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    List<String> gone = LinuxHost.deleteLeftovers(owner -> owner.startsWith(OWNER_PREFIX));
    if (!gone.isEmpty()) {
      System.err.println("removed namespaces left by an earlier, interrupted test run: " + gone);
    }
  }

  /** Every kernel test marks what it creates with an owner starting with this. */
  static final String OWNER_PREFIX = "test-";
}
