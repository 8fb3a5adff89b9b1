package org.closer.core.instrument;

/** A published reliable-change value in raw score units, with its source. */
public record ReliableChange(double value, String source, boolean confirmed) implements java.io.Serializable {}
