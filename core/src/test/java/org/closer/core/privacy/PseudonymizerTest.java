package org.closer.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.closer.core.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void isHmacSha256OfKindClinicAndCode() {
    // OpenSSL 3.0 / printf 'COUPLE\x1fnorth\x1fSmith-07' | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
    // = 1ea79337c202411c945c7b5cb6d0288ea340a176924e5a2737fe86a776562939; the pseudonym is its first 32 hex chars.
    Pseudonymizer p = new Pseudonymizer(PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV, SECRET)));
    String pseudonym = p.pseudonym(Pseudonymizer.Kind.COUPLE, "north", "Smith-07");
    assertEquals("1ea79337c202411c945c7b5cb6d0288e", pseudonym);
    assertEquals(pseudonym, p.pseudonym(Pseudonymizer.Kind.COUPLE, "north", " Smith-07 "));
  }

  /**
   * The codes seen last are remembered: a code met again, among thousands of others, gets the same
   * pseudonym, also once more codes were met than are kept.
   */
  @Test
  void aRememberedPseudonymIsTheOneTheKeyGives() {
    Pseudonymizer remembering = new Pseudonymizer(PseudonymKey.demo());
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 140_000; i += 7) {
        Pseudonymizer.Kind kind = i % 2 == 0 ? Pseudonymizer.Kind.COUPLE : Pseudonymizer.Kind.THERAPIST;
        String clinic = i % 3 == 0 ? "north" : "south";
        String code = "c-" + (i % 5000) + (i > 6000 ? "-" + i : "");
        assertEquals(new Pseudonymizer(PseudonymKey.demo()).pseudonym(kind, clinic, code),
            remembering.pseudonym(kind, clinic, code), kind + " " + clinic + " " + code);
      }
    }
  }

  @Test
  void clinicAndKindArePartOfTheInput() {
    Pseudonymizer p = new Pseudonymizer(PseudonymKey.demo());
    String a = p.pseudonym(Pseudonymizer.Kind.COUPLE, "north", "17");
    assertNotEquals(a, p.pseudonym(Pseudonymizer.Kind.COUPLE, "south", "17"));
    assertNotEquals(a, p.pseudonym(Pseudonymizer.Kind.THERAPIST, "north", "17"));
    assertNotEquals(a, new Pseudonymizer(PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV, SECRET)))
        .pseudonym(Pseudonymizer.Kind.COUPLE, "north", "17"));
  }

  @Test
  void refusesToRunWithoutAKeyOrWithAShortOne(@TempDir Path dir) throws IOException {
    UserException none = assertThrows(UserException.class, () -> PseudonymKey.resolve(null, Map.of()));
    assertTrue(none.getMessage().contains("CLOSER_KEY"), none.getMessage());
    assertEquals(3, none.exitCode());
    UserException shortKey = assertThrows(UserException.class,
        () -> PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV, "short")));
    assertFalse(shortKey.getMessage().contains("short'"), "the key itself is never shown");
    Path file = dir.resolve("key");
    Files.writeString(file, SECRET + "\n");
    PseudonymKey fromFile = PseudonymKey.resolve(file, Map.of());
    assertEquals(PseudonymKey.Origin.KEY_FILE, fromFile.origin());
    assertEquals(new Pseudonymizer(fromFile).pseudonym(Pseudonymizer.Kind.COUPLE, "n", "1"),
        new Pseudonymizer(PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV, SECRET)))
            .pseudonym(Pseudonymizer.Kind.COUPLE, "n", "1"));
    assertFalse(fromFile.toString().contains(SECRET));
  }
}
