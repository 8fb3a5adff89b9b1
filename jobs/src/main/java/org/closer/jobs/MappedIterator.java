package org.closer.jobs;

import java.util.Iterator;
import java.util.function.Function;

/** A lazy map over a partition's iterator, so a partition never sits in memory whole. */
public final class MappedIterator<A, B> implements Iterator<B> {
  private final Iterator<A> in;
  private final Function<A, B> f;

  public MappedIterator(Iterator<A> in, Function<A, B> f) {
    this.in = in;
    this.f = f;
  }

  @Override
  public boolean hasNext() {
    return in.hasNext();
  }

  @Override
  public B next() {
    return f.apply(in.next());
  }
}
