package org.closer.core;

/**
 * A problem the user can fix (bad input, bad configuration, missing key). The command line prints
 * its message without a stack trace and exits with {@link #exitCode()}.
 */
public class UserException extends RuntimeException {
  /** What kind of mistake; decides the exit code. */
  public enum Kind {
    USAGE(2),
    INPUT_REFUSED(3);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Kind kind;

  public UserException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public UserException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static UserException inputRefused(String message) {
    return new UserException(Kind.INPUT_REFUSED, message);
  }

  public static UserException usage(String message) {
    return new UserException(Kind.USAGE, message);
  }

  public Kind kind() {
    return kind;
  }

  public int exitCode() {
    return kind.exitCode;
  }
}
