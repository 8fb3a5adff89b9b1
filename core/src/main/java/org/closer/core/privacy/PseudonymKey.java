package org.closer.core.privacy;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.closer.core.Messages;
import org.closer.core.UserException;

/**
 * The secret that keys the pseudonyms. It is held in memory only: {@link #toString()} hides it and
 * nothing in Closer writes it.
 */
public final class PseudonymKey implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Environment variable that carries the key. */
  public static final String ENV = "CLOSER_KEY";
  /** Shortest key accepted, in bytes. */
  static final int MIN_BYTES = 16;
  /**
   * The public demo key the samples use. It protects nothing: anyone can recompute the pseudonyms.
   */
  private static final byte[] DEMO = "closer-public-demo-key-not-for-real-data".getBytes(StandardCharsets.UTF_8);

  /** Where the key came from, for the manifest (never the key itself). */
  public enum Origin {
    ENVIRONMENT,
    KEY_FILE,
    DEMO,
    /** Random, for one process, never stored: for checks that pseudonymise only to compare codes. */
    EPHEMERAL
  }

  private final byte[] secret;
  private final Origin origin;

  private PseudonymKey(byte[] secret, Origin origin) {
    this.secret = secret;
    this.origin = origin;
  }

  /** A random key that lives as long as this process, for work whose pseudonyms are never kept. */
  public static PseudonymKey ephemeral() {
    byte[] secret = new byte[32];
    new java.security.SecureRandom().nextBytes(secret);
    return new PseudonymKey(secret, Origin.EPHEMERAL);
  }

  public static PseudonymKey demo() {
    return new PseudonymKey(DEMO.clone(), Origin.DEMO);
  }

  /**
   * The key from {@code keyFile} if given, else from {@code CLOSER_KEY}; refuses when neither is there.
   */
  public static PseudonymKey resolve(Path keyFile, Map<String, String> env) {
    if (keyFile != null) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(keyFile);
      } catch (IOException e) {
        throw UserException.inputRefused(Messages.cannot("read key file", keyFile.toString(), null,
            "Check the path given to --key-file and that it is readable"));
      }
      return checked(trimmed(bytes), Origin.KEY_FILE, "key file " + keyFile);
    }
    String value = env.get(ENV);
    if (value != null && !value.isEmpty()) {
      return checked(value.getBytes(StandardCharsets.UTF_8), Origin.ENVIRONMENT, ENV);
    }
    throw UserException.inputRefused(Messages.cannot("pseudonymise without a key", null, null,
        "Set " + ENV + " to a secret of at least " + MIN_BYTES + " characters, or pass --key-file FILE; "
            + "for the bundled sample study only, pass --demo-key"));
  }

  private static PseudonymKey checked(byte[] secret, Origin origin, String where) {
    if (secret.length < MIN_BYTES) {
      throw UserException.inputRefused(Messages.cannot("use a key of " + secret.length + " bytes", null,
          where, "Use a secret of at least " + MIN_BYTES + " bytes, for example from 'openssl rand -hex 32'"));
    }
    return new PseudonymKey(secret, origin);
  }

  /** A key file's trailing newline is not part of the key. */
  private static byte[] trimmed(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
      end--;
    }
    return Arrays.copyOf(bytes, end);
  }

  public Origin origin() {
    return origin;
  }

  byte[] secret() {
    return secret.clone();
  }

  @Override
  public String toString() {
    return "PseudonymKey[" + origin + ", hidden]";
  }
}
