package org.closer.core.ingest;

import org.closer.core.Messages;

/** Problems that only show when rows are seen together; the engines find them, these say them. */
public final class CrossRowChecks {
  private CrossRowChecks() {}

  /** A survey row whose key was already given by an earlier row (by file name, then line). */
  public static Problem duplicateSurvey(String file, long line, String firstFile, long firstLine) {
    return new Problem(Reason.DUPLICATE_SURVEY, null, null,
        Messages.cannot("accept a second answer to the same survey", null, Messages.where(file, line, null),
            "The same clinic, couple, partner, timepoint and session is already at "
                + Messages.where(firstFile, firstLine, null) + ", which is kept; remove one of the two"));
  }

  /** A roster row for a couple that an earlier roster row already described. */
  public static Problem duplicateCouple(String file, long line, String firstFile, long firstLine) {
    return new Problem(Reason.DUPLICATE_COUPLE, Template.COUPLE, null,
        Messages.cannot("accept a second roster row for the same couple", null, Messages.where(file, line, null),
            "The couple is already at " + Messages.where(firstFile, firstLine, null)
                + ", which is kept; give each couple one roster row"));
  }
}
