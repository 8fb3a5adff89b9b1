package org.closer.core.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises values and column names that identify a person (HIPAA Safe Harbor's list, and the
 * national identity numbers clinics in the study's countries use). Used before anything is
 * written: a value is never echoed once it matched.
 */
public final class PiiScanner {
  /** Kinds of identifying values, with what to call them in a message. */
  public enum Kind {
    EMAIL("an e-mail address",
        Pattern.compile("[^\\s@]{1,64}+@[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+){1,8}+(?<=\\.[A-Za-z]{2,63})")),
    URL("a web address", Pattern.compile("(?i)(https?://|www\\.)\\S+")),
    IP_ADDRESS("an IP address", Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\b")),
    PERSONNUMMER("a Swedish personal identity number",
        Pattern.compile("\\b(\\d{2})?\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01]|[6-9]\\d)[-+]?\\d{4}\\b")),
    SSN("a US social security number", Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b")),
    /** Found by {@link #phone(String)}: a regular expression recurses per group and overflows on huge fields. */
    PHONE("a phone number", null);

    private final String description;
    private final Pattern pattern;

    Kind(String description, Pattern pattern) {
      this.description = description;
      this.pattern = pattern;
    }

    public String description() {
      return description;
    }
  }

  /** Column names that identify a person, whatever the survey tool calls them. */
  private static final List<Pattern> IDENTIFIER_COLUMNS = List.of(
      Pattern.compile("(first|last|full|given|family|sur|recipient.*)?_?name"),
      Pattern.compile("e-?mail.*|.*email"),
      Pattern.compile("(tele)?phone.*|mobile|cell|tel|fax"),
      Pattern.compile(".*address.*|street|city|zip|zip_?code|post_?code|postal_?code"),
      Pattern.compile("(date_?of_?)?birth.*|dob|birth_?date|born"),
      Pattern.compile("personnummer|personal_?(id|number)|national_?id.*|ssn|social_?security.*|id_?number"),
      Pattern.compile("ip|ip_?address|location_?(latitude|longitude)|latitude|longitude"),
      Pattern.compile("external_?reference|externalreference|recipient.*|record_?number|medical_?record.*|mrn"),
      Pattern.compile("free_?text|comments?|notes?|remarks?"));

  /** Dates are not phone numbers. */
  private static final Pattern DATE = Pattern.compile("\\d{4}[-/.]\\d{1,2}([-/.]\\d{1,2})?([ T].*)?|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}");

  private PiiScanner() {}

  /** The first kind of identifying value {@code text} contains, if any. */
  public static Optional<Kind> scan(String text) {
    return scan(text, false);
  }

  /**
   * As {@link #scan(String)}, for a clinic's own code for a couple or therapist: long digit runs are
   * common in such codes and are not taken for phone numbers (the code is pseudonymised anyway).
   */
  public static Optional<Kind> scanCode(String text) {
    return scan(text, true);
  }

  private static Optional<Kind> scan(String text, boolean code) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (kind == Kind.PHONE) {
        if (!code && phone(text)) {
          return Optional.of(kind);
        }
        continue;
      }
      if (!mayHold(kind, text)) {
        continue;
      }
      var m = kind.pattern.matcher(text);
      while (m.find()) {
        if (kind != Kind.IP_ADDRESS || validIp(m)) {
          return Optional.of(kind);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a column's name says it holds an identifier (name, e-mail, phone, address, ...). */
  public static boolean isIdentifierColumn(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s.]+", "_");
    return IDENTIFIER_COLUMNS.stream().anyMatch(p -> p.matcher(n).matches());
  }

  /**
   * A cheap test first, so that a huge field is scanned in linear time and the codes of every row
   * (couple, therapist, clinic) rarely reach a regular expression.
   */
  private static boolean mayHold(Kind kind, String text) {
    return switch (kind) {
      case EMAIL -> text.indexOf('@') >= 0;
      case URL -> text.indexOf("://") >= 0 || text.indexOf('.') >= 0 && containsIgnoreCase(text, "www.");
      case IP_ADDRESS -> text.indexOf('.') >= 0 && digits(text) >= 4;
      case SSN -> text.indexOf('-') >= 0 && digits(text) >= 9;
      case PERSONNUMMER -> digits(text) >= 10;
      default -> true;
    };
  }

  private static boolean containsIgnoreCase(String text, String part) {
    for (int i = 0; i + part.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  private static int digits(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      n += c >= '0' && c <= '9' ? 1 : 0;
    }
    return n;
  }

  /**
   * A phone number: a run of digits, spaces, '-', '(', ')' and a leading '+' holding 8 to 15 digits
   * (E.164 allows 15) in groups the way people write them; a date is not one.
   */
  static boolean phone(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (!(Character.isDigit(c) || c == '+' || c == '(')) {
        i++;
        continue;
      }
      int digits = 0;
      int groups = 0;
      int j = i;
      boolean inGroup = false;
      for (; j < n; j++) {
        char d = text.charAt(j);
        if (d >= '0' && d <= '9') {
          digits++;
          groups += inGroup ? 0 : 1;
          inGroup = true;
        } else if (d == ' ' || d == '-' || d == '(' || d == ')' || (d == '+' && j == i)) {
          inGroup = false;
        } else {
          break;
        }
      }
      // A run glued to letters or a decimal point is a code or a number, not a phone number.
      boolean gluedBefore = i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.');
      boolean gluedAfter = j < n && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '.' && j + 1 < n
          && Character.isDigit(text.charAt(j + 1)));
      if (digits >= 8 && digits <= 15 && !gluedBefore && !gluedAfter && (groups >= 2 || digits >= 9)
          && !DATE.matcher(text.substring(i, j).trim()).matches()) {
        return true;
      }
      i = Math.max(j, i + 1);
    }
    return false;
  }

  private static boolean validIp(java.util.regex.Matcher m) {
    for (int g = 1; g <= 4; g++) {
      if (Integer.parseInt(m.group(g)) > 255) {
        return false;
      }
    }
    return true;
  }
}
