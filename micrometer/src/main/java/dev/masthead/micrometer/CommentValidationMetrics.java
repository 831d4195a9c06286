package dev.masthead.micrometer;

import dev.masthead.comments.ErrorCode;
import dev.masthead.comments.FieldError;
import dev.masthead.comments.ValidationResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts a {@code CommentValidator}'s results: give it to the validator's builder
 * ({@code CommentValidator.builder().listener(metrics)}), then bind it.
 *
 * <ul>
 *   <li>{@code masthead.comments.validations{result=valid|invalid}}: submissions validated;</li>
 *   <li>{@code masthead.comments.field.errors{field,code}}: field errors of invalid submissions, by field
 *       ({@code author}, {@code email}, ...) and code ({@code content.required}, ...), bounded by
 *       {@link ErrorCode}.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class CommentValidationMetrics implements Consumer<ValidationResult>, MeterBinder {
  private final Registries<Meters> registries = new Registries<>(Meters::new);

  /** Creates the binder, bound to no registry yet. */
  public CommentValidationMetrics() {}

  private static final class Meters {
    final Counter valid;
    final Counter invalid;
    final Map<ErrorCode, Counter> errors = new EnumMap<>(ErrorCode.class);

    Meters(MeterRegistry registry) {
      valid = counter(registry, "valid");
      invalid = counter(registry, "invalid");
      for (ErrorCode code : ErrorCode.values()) {
        errors.put(code, Counter.builder("masthead.comments.field.errors")
            .description("Field errors of refused comment submissions")
            .tag("field", TagValues.of(code.field())).tag("code", code.code())
            .register(registry));
      }
    }

    private static Counter counter(MeterRegistry registry, String result) {
      return Counter.builder("masthead.comments.validations").description("Comment submissions validated")
          .tag("result", result).register(registry);
    }
  }

  /**
   * Counts one result (the validator calls it).
   *
   * @param result the validator's result
   */
  @Override
  public void accept(ValidationResult result) {
    registries.each(m -> {
      if (result.isValid()) {
        m.valid.increment();
      } else {
        m.invalid.increment();
        for (FieldError e : result.errors()) {
          m.errors.get(e.code()).increment();
        }
      }
    });
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.bind(registry);
  }
}
