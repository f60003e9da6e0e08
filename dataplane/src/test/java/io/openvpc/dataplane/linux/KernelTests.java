package io.openvpc.dataplane.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
  }
}
