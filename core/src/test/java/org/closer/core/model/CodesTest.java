package org.closer.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodesTest {
  @Test
  void spellingsOfOneCodeAreOneValue() {
    assertEquals(Modality.FACE_TO_FACE, Modality.parse(" Face-to-face ").orElseThrow());
    assertEquals(Modality.FACE_TO_FACE, Modality.parse("FACE TO FACE").orElseThrow());
    assertEquals(Modality.FACE_TO_FACE, Modality.parse("face__to\t face").orElseThrow());
  }

  /** The loop agrees with the rule written as a regular expression, on random text of the characters that matter. */
  @Test
  void squeezingAgreesWithTheRegularExpression() {
    Random random = new Random(7);
    String alphabet = "fAcE_tO- \t\n\u000b\u000c\r\u00a0\u2003onlinemixd\u00df\u0131";
    for (int n = 0; n < 100_000; n++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(16);
      for (int i = 0; i < length; i++) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String v = value.toString();
      assertEquals(v.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", ""), Codes.squeeze(v), "'" + v + "'");
    }
  }
}
