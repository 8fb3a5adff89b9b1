package org.closer.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PiiScannerTest {
  @Test
  void identifyingValuesAreRecognised() {
    assertEquals(Optional.of(PiiScanner.Kind.EMAIL), PiiScanner.scan("anna.svensson@example.se"));
    assertEquals(Optional.of(PiiScanner.Kind.URL), PiiScanner.scan("see https://clinic.example/p/17"));
    assertEquals(Optional.of(PiiScanner.Kind.IP_ADDRESS), PiiScanner.scan("10.0.12.201"));
    assertEquals(Optional.of(PiiScanner.Kind.PERSONNUMMER), PiiScanner.scan("850312-1234"));
    assertEquals(Optional.of(PiiScanner.Kind.PERSONNUMMER), PiiScanner.scan("198503121234"));
    assertEquals(Optional.of(PiiScanner.Kind.SSN), PiiScanner.scan("123-45-6789"));
    assertEquals(Optional.of(PiiScanner.Kind.PHONE), PiiScanner.scan("070-123 45 67"));
    assertEquals(Optional.of(PiiScanner.Kind.PHONE), PiiScanner.scan("+46 70 123 45 67"));
    assertEquals(Optional.of(PiiScanner.Kind.PHONE), PiiScanner.scan("Call me on 070-555 12 34, evenings"));
    assertTrue(PiiScanner.scan("0701234567").isPresent(), "a mobile number (it also reads as a personnummer)");
    assertEquals(Optional.of(PiiScanner.Kind.PHONE), PiiScanner.scan("0731 23 45 67"));
    assertEquals(Optional.of(PiiScanner.Kind.PHONE), PiiScanner.scan("(555) 123-4567"));
    assertEquals(Optional.of(PiiScanner.Kind.EMAIL), PiiScanner.scan("write to anna@example.se."));
  }

  @Test
  void hugeFieldsAreScannedInLinearTime() {
    // A regular expression for phone numbers overflowed the stack here, and a greedy e-mail one took minutes.
    assertFalse(PiiScanner.scan("9".repeat(300_000)).isPresent());
    assertFalse(PiiScanner.scan("x".repeat(300_000) + "@").isPresent());
    assertEquals(Optional.of(PiiScanner.Kind.EMAIL), PiiScanner.scan("x".repeat(300_000) + " a@b.se"));
    assertEquals(Optional.of(PiiScanner.Kind.PHONE), PiiScanner.scan("z ".repeat(100_000) + "070-123 45 67"));
  }

  @Test
  void studyValuesAreNotMistakenForIdentifiers() {
    for (String v : new String[] {"c01", "north-clinic", "2024-03", "2024-03-17", "17.03.2024", "2024-13", "12", "7.5",
        "4,5", "face_to_face", "EFT", "cpl-1-0001", "999.1.1.1", "60", "visited 2024-03-17", "12.345678", "1 2 3 4 5",
        "score 123456.5", "K-101"}) {
      assertFalse(PiiScanner.scan(v).isPresent(), v);
    }
  }

  @Test
  void identifyingColumnsAreRecognisedByName() {
    for (String c : new String[] {"name", "First Name", "RecipientLastName", "email", "E-mail", "phone", "Address",
        "IPAddress", "LocationLatitude", "personnummer", "date_of_birth", "ExternalReference", "notes", "comment"}) {
      assertTrue(PiiScanner.isIdentifierColumn(c), c);
    }
    for (String c : new String[] {"clinic", "couple", "tls45_1", "session_minutes", "month", "therapist", "Q5_1"}) {
      assertFalse(PiiScanner.isIdentifierColumn(c), c);
    }
  }
}
