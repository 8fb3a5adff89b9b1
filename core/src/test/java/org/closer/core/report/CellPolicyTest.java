package org.closer.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellPolicyTest {
  private final CellPolicy policy = new CellPolicy(10);

  @Test
  void countsBelowTheMinimumAreHiddenZerosAreShown() {
    assertEquals("<10", policy.count(9));
    assertEquals("10", policy.count(10));
    assertEquals("0", policy.count(0));
  }

  @Test
  void aLoneHiddenCellTakesTheNextSmallestWithIt() {
    // 64 + 47 + 9 = 120 couples are reported elsewhere: hiding only the 9 would leave it derivable.
    assertEquals(List.of("64", "suppressed", "<10"), policy.counts(List.of(64L, 47L, 9L)));
    assertEquals(List.of("64", "<10", "<10"), policy.counts(List.of(64L, 5L, 9L)));
    assertEquals(List.of("64", "47", "0"), policy.counts(List.of(64L, 47L, 0L)));
    assertEquals(List.of("12", "11"), policy.counts(List.of(12L, 11L)));
  }
}
