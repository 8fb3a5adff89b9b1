package org.closer.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonthParserTest {
  @Test
  void fullDatesAreCutToTheMonth() {
    assertEquals(Optional.of("2024-03"), MonthParser.parse("2024-03"));
    assertEquals(Optional.of("2024-03"), MonthParser.parse("2024-3"));
    assertEquals(Optional.of("2024-03"), MonthParser.parse("2024-03-17"));
    assertEquals(Optional.of("2024-03"), MonthParser.parse("2024-03-17 14:22:05"));
    assertEquals(Optional.of("2024-03"), MonthParser.parse("2024-03-17T14:22:05Z"));
    assertEquals(Optional.of("2024-03"), MonthParser.parse("2024/03/17"));
    assertEquals(Optional.of("2024-03"), MonthParser.parse("17.03.2024"));
    assertEquals(Optional.of("2024-02"), MonthParser.parse("29.02.2024"));
  }

  @Test
  void impossibleOrAmbiguousDatesAreRefused() {
    assertEquals(Optional.empty(), MonthParser.parse("2024-13"));
    assertEquals(Optional.empty(), MonthParser.parse("2024-00"));
    assertEquals(Optional.empty(), MonthParser.parse("2023-02-29"));
    assertEquals(Optional.empty(), MonthParser.parse("03/04/2024"));
    assertEquals(Optional.empty(), MonthParser.parse("March 2024"));
    assertEquals(Optional.empty(), MonthParser.parse("1850-01"));
  }
}
