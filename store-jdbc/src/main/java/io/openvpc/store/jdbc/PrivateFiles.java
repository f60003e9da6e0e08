package io.openvpc.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory and its files, for the owner's eyes only (0700 and 0600): it holds the database,
 * H2's lock file (which names the auto-server's port and its key), the secrets key and the
 * credentials. On a file system without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {
  static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  /** Files that mark a directory as OpenVPC's own, so that tightening it surprises nobody. */
  private static final Set<String> OURS = Set.of("openvpc.mv.db", "credentials", "secrets.key");
  private static final System.Logger LOG = System.getLogger(PrivateFiles.class.getName());

  private PrivateFiles() {}

  /**
   * Creates the directory (and its missing parents) with mode 0700. An existing one that others may
   * enter is tightened to 0700 when it is empty or already holds OpenVPC's files; any other directory
   * (a home, {@code /tmp}) is left as it is, with a warning, since its files stay 0600 anyway.
   */
  public static void directory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, attributes(dir, OWNER_DIRECTORY));
        chmod(dir, OWNER_DIRECTORY);
        return;
      }
      Set<PosixFilePermission> now = permissions(dir);
      if (now == null || now.equals(OWNER_DIRECTORY)) {
        return;
      }
      if (emptyOrOurs(dir)) {
        chmod(dir, OWNER_DIRECTORY);
      } else {
        LOG.log(System.Logger.Level.WARNING, "the data directory {0} is open to other users ({1}); OpenVPC keeps its "
            + "own files in it readable by the owner only, but a directory of its own is safer", dir,
            PosixFilePermissions.toString(now));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
  }

  /** Sets every regular file directly in {@code dir} to mode 0600 (those H2 created with the umask included). */
  public static void restrictContents(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          chmod(f, OWNER_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict the files of " + dir + " to their owner", e);
    }
  }

  /**
   * Writes a file that is 0600 from its first byte (a temporary file renamed into place), replacing
   * any earlier one; unlike write-then-chmod, no moment exists when others could read it.
   */
  public static void write(Path file, byte[] content) {
    Path tmp = temporary(file, content);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Writes a 0600 file only if none exists yet, atomically (a hard link of a finished temporary file,
   * which fails if the name is taken): of two processes creating it at once, exactly one wins and
   * both then read the same content. Returns whether this call created it.
   */
  public static boolean writeNew(Path file, byte[] content) {
    Path tmp = temporary(file, content);
    try {
      Files.createLink(file, tmp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException | UnsupportedOperationException e) {
      try { // no hard links here: a plain rename, which does not replace an existing file
        Files.move(tmp, file);
        return true;
      } catch (FileAlreadyExistsException taken) {
        return false;
      } catch (IOException moveFailed) {
        throw new UncheckedIOException("cannot write " + file, moveFailed);
      }
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Whether a file or directory can be read by anyone but its owner (false where permissions are not POSIX). */
  public static boolean openToOthers(Path p) {
    Set<PosixFilePermission> perms = permissions(p);
    if (perms == null) {
      return false;
    }
    for (PosixFilePermission x : perms) {
      if (x.name().startsWith("GROUP") || x.name().startsWith("OTHERS")) {
        return true;
      }
    }
    return false;
  }

  static void chmod(Path p, Set<PosixFilePermission> perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, perms);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to set
    }
  }

  private static Path temporary(Path file, byte[] content) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(dir, OWNER_FILE));
      Files.write(tmp, content);
      return tmp;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static FileAttribute<?>[] attributes(Path near, Set<PosixFilePermission> perms) {
    Path probe = near.toAbsolutePath();
    while (probe != null && !Files.exists(probe)) {
      probe = probe.getParent();
    }
    boolean posix = probe != null
        && Files.getFileAttributeView(probe, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)} : new FileAttribute<?>[0];
  }

  private static Set<PosixFilePermission> permissions(Path p) {
    try {
      return Files.getPosixFilePermissions(p);
    } catch (UnsupportedOperationException | IOException e) {
      return null;
    }
  }

  private static boolean emptyOrOurs(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      boolean empty = true;
      for (Path e : entries) {
        empty = false;
        if (OURS.contains(e.getFileName().toString())) {
          return true;
        }
      }
      return empty;
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a stray temporary file of mode 0600 harms nobody
    }
  }
}
