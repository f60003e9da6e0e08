package io.openvpc.dataplane.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The few C functions the driver calls in-process (JNA): {@code setns}, {@code unshare} and {@code
 * mount} to enter and create network namespaces, netlink sockets to read them, and libnftables
 * ({@code libnftables.so.1}, from Debian's nftables package) to apply nft scripts without a process.
 */
final class Syscalls {
  static final int CLONE_NEWNET = 0x40000000;
  static final int O_RDONLY = 0;
  static final int O_CLOEXEC = 0x80000;
  static final long MS_BIND = 4096;
  static final long MS_REC = 16384;
  static final long MS_SHARED = 1 << 20;
  static final int MNT_DETACH = 2;
  static final int EINVAL = 22;

  private Syscalls() {}

  /** libc, with errno reported as {@link LastErrorException}. */
  interface LibC extends Library {
    LibC I = com.sun.jna.Native.load("c", LibC.class);

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int setns(int fd, int nstype) throws LastErrorException;

    int unshare(int flags) throws LastErrorException;

    int mount(String source, String target, String type, long flags, Pointer data) throws LastErrorException;

    int umount2(String target, int flags) throws LastErrorException;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    long send(int fd, byte[] buf, long len, int flags) throws LastErrorException;

    long recv(int fd, Pointer buf, long len, int flags) throws LastErrorException;

    int setsockopt(int fd, int level, int name, int[] value, int len) throws LastErrorException;

    String strerror(int errnum);
  }

  /** The libnftables API (see libnftables(3)). */
  interface LibNftables extends Library {
    int NFT_CTX_DEFAULT = 0;
    int NFT_CTX_OUTPUT_JSON = 1 << 4;

    Pointer nft_ctx_new(int flags);

    void nft_ctx_free(Pointer ctx);

    int nft_ctx_buffer_output(Pointer ctx);

    int nft_ctx_buffer_error(Pointer ctx);

    String nft_ctx_get_output_buffer(Pointer ctx);

    String nft_ctx_get_error_buffer(Pointer ctx);

    int nft_ctx_output_get_flags(Pointer ctx);

    void nft_ctx_output_set_flags(Pointer ctx, int flags);

    int nft_run_cmd_from_buffer(Pointer ctx, String buf);
  }

  private static volatile LibNftables nftables;

  /** libnftables, loaded on first use; throws {@link UnsatisfiedLinkError} where it is missing. */
  static LibNftables nftables() {
    LibNftables n = nftables;
    if (n == null) {
      synchronized (Syscalls.class) {
        if (nftables == null) {
          nftables = com.sun.jna.Native.load("nftables", LibNftables.class);
        }
        n = nftables;
      }
    }
    return n;
  }
}
