package org.closer.core.ingest;

import java.util.List;

/**
 * One survey row after the row-level checks. Codes are already pseudonymised; fields that could
 * not be read are null. The row is valid when {@code problems} is empty.
 *
 * @param answers one value per catalog item, NaN where not answered
 */
public record SurveyRecord(
    String file,
    long line,
    String clinic,
    String couple,
    String partner,
    String timepoint,
    Integer session,
    String month,
    Design design,
    double[] answers,
    List<Problem> problems) {

  public boolean isValid() {
    return problems.isEmpty();
  }
}
