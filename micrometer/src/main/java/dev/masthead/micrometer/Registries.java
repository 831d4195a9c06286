package dev.masthead.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The meters a listener binder made in each registry it was bound to; events go to every one.
 *
 * @param <M> the binder's meters in one registry
 */
final class Registries<M> {
  private final CopyOnWriteArrayList<M> bound = new CopyOnWriteArrayList<>();
  private final Function<MeterRegistry, M> make;

  Registries(Function<MeterRegistry, M> make) {
    this.make = make;
  }

  void bind(MeterRegistry registry) {
    bound.add(make.apply(registry));
  }

  void each(Consumer<M> action) {
    for (M meters : bound) {
      action.accept(meters);
    }
  }
}
