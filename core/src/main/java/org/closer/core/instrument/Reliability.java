package org.closer.core.instrument;

/** A published internal consistency (Cronbach's alpha) with its source. */
public record Reliability(double alpha, String source, boolean confirmed) implements java.io.Serializable {}
