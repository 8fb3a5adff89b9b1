package org.closer.core.ingest.export;

import java.io.Serializable;

/** A template column computed from other columns of the same row. */
sealed interface Derived extends Serializable {
  String value(String[] raw);

  /** One value for the whole export (a mapping's constants). */
  record Constant(String value) implements Derived {
    @Override
    public String value(String[] raw) {
      return value;
    }
  }

  /** The first non-empty of several columns (REDCap survey timestamps, LimeSurvey dates). */
  record FirstOf(int[] columns) implements Derived {
    @Override
    public String value(String[] raw) {
      for (int c : columns) {
        String v = raw[c];
        if (v != null && !v.isBlank() && !v.trim().startsWith("[")) { // REDCap writes "[not completed]"
          return v;
        }
      }
      return "";
    }
  }

  /**
   * A REDCap session number: the repeating instrument's instance, else the number of a numbered
   * event such as {@code session_3_arm_1}, when the row's event is a session.
   */
  record RedcapSession(int instance, int event, ValueRule rule) implements Derived {
    RedcapSession(int instance, int event) {
      this(instance, event, null);
    }

    @Override
    public String value(String[] raw) {
      if (event < 0 || rule == null) {
        return instance < 0 ? "" : raw[instance];
      }
      ValueRule.Event e = rule.event(raw[event] == null ? "" : raw[event].trim());
      if (!"session".equals(e.timepoint())) {
        return "";
      }
      String repeat = instance < 0 ? null : raw[instance];
      return repeat != null && !repeat.isBlank() ? repeat : e.session() == null ? "" : e.session();
    }
  }
}
