package io.openvpc.dataplane.linux;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * nft scripts applied in-process through libnftables: one context per namespace, created inside it
 * (its netlink socket stays there), kept while the namespace lives. A script is one transaction, as
 * with {@code nft -f}: all of it applies or none, and a refusal comes back with nft's own error text
 * (the statement and where in it). A small script is in force in well under a millisecond, where
 * starting {@code ip netns exec NS nft -f -} costs about 20 ms (see docs/benchmarks.md). Calls are
 * serialised: libnftables is not known to be safe across threads, and each call is short.
 */
final class Nft {
  /** A context and the identity (device, inode) of the namespace it was made in. */
  private record Ctx(Pointer ctx, String namespace) {}

  private static final Map<String, Ctx> CONTEXTS = new HashMap<>();

  private Nft() {}

  /** A script nft refused: its error text, which names the statement that failed. */
  static final class Refused extends RuntimeException {
    private final String error;

    Refused(String ns, String error) {
      super("nft refused the script for " + ns + ": " + error.strip());
      this.error = error;
    }

    String error() {
      return error;
    }
  }

  /** Applies {@code script} in {@code ns} as one transaction. */
  static synchronized void apply(String ns, String script) {
    run(ns, script, false);
  }

  /** What {@code nft -j list table inet ovpc} prints in {@code ns}, or "" when there is no such table. */
  static synchronized String listJson(String ns) {
    try {
      return run(ns, "list table " + io.openvpc.dataplane.host.NftTable.TABLE, true);
    } catch (Refused e) {
      if (e.error().contains("No such file or directory")) {
        return "";
      }
      throw e;
    }
  }

  /** Frees the context of a namespace about to be deleted (its socket would keep the namespace alive). */
  static synchronized void forget(String ns) {
    Ctx c = CONTEXTS.remove(ns);
    if (c != null) {
      Syscalls.nftables().nft_ctx_free(c.ctx());
    }
  }

  private static String run(String ns, String script, boolean json) {
    Syscalls.LibNftables lib = Syscalls.nftables();
    Ctx c = context(ns, lib);
    return InNetns.call(ns, () -> {
      int flags = lib.nft_ctx_output_get_flags(c.ctx());
      lib.nft_ctx_output_set_flags(c.ctx(), json ? flags | Syscalls.LibNftables.NFT_CTX_OUTPUT_JSON
          : flags & ~Syscalls.LibNftables.NFT_CTX_OUTPUT_JSON);
      int rc = lib.nft_run_cmd_from_buffer(c.ctx(), script);
      String out = lib.nft_ctx_get_output_buffer(c.ctx());
      String err = lib.nft_ctx_get_error_buffer(c.ctx());
      if (rc != 0) {
        throw new Refused(ns, err == null || err.isBlank() ? "exit " + rc : err);
      }
      return out == null ? "" : out;
    });
  }

  /** The context of {@code ns}, made anew if the namespace of that name is not the one it was made in. */
  private static Ctx context(String ns, Syscalls.LibNftables lib) {
    String id = identity(ns);
    Ctx c = CONTEXTS.get(ns);
    if (c != null && c.namespace().equals(id)) {
      return c;
    }
    forget(ns);
    Pointer p = InNetns.call(ns, () -> {
      Pointer ctx = lib.nft_ctx_new(Syscalls.LibNftables.NFT_CTX_DEFAULT);
      if (ctx == null) {
        throw new IllegalStateException("libnftables could not make a context");
      }
      lib.nft_ctx_buffer_output(ctx);
      lib.nft_ctx_buffer_error(ctx);
      // The socket may be opened on first use: open it here, inside the namespace.
      lib.nft_run_cmd_from_buffer(ctx, "list tables");
      lib.nft_ctx_get_output_buffer(ctx);
      lib.nft_ctx_get_error_buffer(ctx);
      return ctx;
    });
    c = new Ctx(p, id);
    CONTEXTS.put(ns, c);
    return c;
  }

  /** The namespace file's device and inode: a namespace deleted and made again under its name differs. */
  static String identity(String ns) {
    try {
      Map<String, Object> a = Files.readAttributes(InNetns.RUN_NETNS.resolve(ns), "unix:dev,ino");
      return a.get("dev") + ":" + a.get("ino");
    } catch (IOException | UnsupportedOperationException e) {
      throw new InNetns.NoSuchNamespace(ns, e.getMessage());
    }
  }
}
