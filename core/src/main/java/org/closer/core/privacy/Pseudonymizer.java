package org.closer.core.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a clinic's own codes (couple, therapist) by keyed hashes: HMAC-SHA256 over
 * {@code kind, clinic, code}, hex, first 128 bits. The clinic is part of the input so that equal
 * codes at two clinics give different pseudonyms; the kind keeps a couple and a therapist with the
 * same code apart. Not thread-safe: use one per task.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int HEX_CHARS = 32;
  private static final char SEPARATOR = '\u001f';

  /** What a code names; part of the hashed input. */
  public enum Kind {
    COUPLE,
    THERAPIST
  }

  private final PseudonymKey key;
  private transient Mac mac;

  public Pseudonymizer(PseudonymKey key) {
    this.key = key;
  }

  public String pseudonym(Kind kind, String clinic, String code) {
    String input = kind.name() + SEPARATOR + clinic + SEPARATOR + code.trim();
    byte[] digest = mac().doFinal(input.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
      }
    }
    return mac;
  }
}
