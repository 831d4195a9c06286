package dev.masthead.examples.site;

import dev.masthead.ranking.RankingEngine;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One running example site on a free 127.0.0.1 port, on the clock a test moves; closing it stops it. */
final class SiteInstance implements AutoCloseable {
  static final String MODERATOR_PASSWORD = "correct horse battery staple";

  private final ConfigurableApplicationContext context;

  private SiteInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /**
   * Starts a site.
   *
   * @param clock the site's clock (no sample engagement is replayed on a test's clock)
   * @param properties more {@code key=value} settings
   */
  static SiteInstance start(InstantSource clock, String... properties) {
    // As command-line arguments, which win over application.properties (builder properties would not).
    List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
        "--logging.level.root=WARN", "--masthead.site.moderator-password=" + MODERATOR_PASSWORD,
        "--masthead.ranking.result-cache-ttl=0s"));
    for (String p : properties) {
      all.add("--" + p);
    }
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SiteApplication.class)
        .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
        .run(all.toArray(String[]::new));
    return new SiteInstance(context);
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Hands the buffered counts to the store, so the next ranking sees them. */
  void flushRankings() {
    bean(RankingEngine.class).flush();
  }

  @Override
  public void close() {
    context.close();
  }
}
