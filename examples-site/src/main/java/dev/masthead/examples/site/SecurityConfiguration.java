package dev.masthead.examples.site;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Spring Security: the moderation queue behind a form login of one in-memory moderator; CSRF tokens on every
 * form (a cookie, so readers get no session); the JSON API outside CSRF, since it takes only
 * {@code application/json}, which a page of another site cannot send without the browser's CORS preflight;
 * security headers on every answer.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

  /** The Content-Security-Policy: this site's own styles and images, no script at all, no framing. */
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'";

  @Bean
  SecurityFilterChain siteSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/moderation/**").hasRole("MODERATOR")
            .anyRequest().permitAll())
        .formLogin(f -> f.defaultSuccessUrl("/moderation", false))
        .logout(Customizer.withDefaults())
        .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository())
            .ignoringRequestMatchers("/api/**"))
        .headers(h -> h
            .contentSecurityPolicy(p -> p.policyDirectives(CSP))
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    return http.build();
  }

  /** The body-size limit, before Spring Security's filters read any parameter. */
  @Bean
  FilterRegistrationBean<FormSizeLimit> formSizeLimit() {
    FilterRegistrationBean<FormSizeLimit> registration = new FilterRegistrationBean<>(new FormSizeLimit());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService moderators(SiteProperties properties, PasswordEncoder encoder) {
    String password = properties.moderatorPassword();
    if (password == null || password.isBlank()) {
      byte[] random = new byte[12];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      // Printed, not logged: it is meant for the person who started the site, and only this once.
      System.out.println("Moderator login: user '" + properties.moderatorUser() + "', generated password "
          + password + " (set masthead.site.moderator-password to choose one)");
    } else {
      LOG.debug("moderator password from masthead.site.moderator-password");
    }
    return new InMemoryUserDetailsManager(User.withUsername(properties.moderatorUser())
        .password(encoder.encode(password)).roles("MODERATOR").build());
  }
}
