package org.closer.notebooks;

import java.util.ArrayList;
import java.util.List;
import org.closer.core.report.Report;

/** What a notebook cell asks to display: charts are shown as PNG after the cell has run. */
public final class Show {
  private static final List<byte[]> PENDING = new ArrayList<>();

  private Show() {}

  public static synchronized void figure(Report.Figure figure) {
    if (figure != null) {
      PENDING.add(figure.png());
    }
  }

  static synchronized List<byte[]> drain() {
    List<byte[]> out = List.copyOf(PENDING);
    PENDING.clear();
    return out;
  }
}
