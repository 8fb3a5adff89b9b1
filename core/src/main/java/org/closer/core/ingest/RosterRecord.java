package org.closer.core.ingest;

import java.util.List;

/** One roster row after its checks: a couple's design variables, with its code pseudonymised. */
public record RosterRecord(String file, long line, String clinic, String couple, Design design, String startMonth,
    List<Problem> problems) {

  public boolean isValid() {
    return problems.isEmpty();
  }
}
