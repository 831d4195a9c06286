package dev.masthead.spring;

import dev.masthead.core.Article;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Masthead's JSON in Spring Boot 4's Jackson 3 mapper: a {@link MastheadJackson3Module} bean, which Boot's
 * Jackson auto-configuration adds to the application's {@code JsonMapper} (every {@code JacksonModule} bean is),
 * so an {@link Article} returned from a controller is written as core's {@code MastheadModule} writes it, with
 * no host code. A host on Boot's Jackson 2 support instead registers {@code MastheadModule} as a bean itself.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({Article.class, JsonMapper.class})
public class MastheadJacksonAutoConfiguration {

  /** Creates the configuration (Spring calls it). */
  public MastheadJacksonAutoConfiguration() {}

  /**
   * The module.
   *
   * @return the module
   */
  @Bean
  @ConditionalOnMissingBean
  public MastheadJackson3Module mastheadJackson3Module() {
    return new MastheadJackson3Module();
  }
}
