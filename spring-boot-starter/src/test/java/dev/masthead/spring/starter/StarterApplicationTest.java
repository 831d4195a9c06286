package dev.masthead.spring.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleLookup;
import dev.masthead.core.json.MastheadModule;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.related.RelatedArticles;
import dev.masthead.testing.SampleArticles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Boot 4 application with the starter and no Masthead code of its own but a catalog and a controller. */
class StarterApplicationTest {
  static final Article ARTICLE = SampleArticles.bridgeVote().build();

  @SpringBootApplication
  @RestController
  static class NewsApplication {
    @Bean
    ArticleLookup catalog() {
      return ArticleLookup.of(List.of(ARTICLE));
    }

    @GetMapping("/api/article")
    Article article() {
      return ARTICLE;
    }
  }

  @Test
  void theStarterConfiguresEveryModuleAndAnArticleIsMastheadsJsonOnARealServer() throws Exception {
    SpringApplication app = new SpringApplication(NewsApplication.class);
    try (ConfigurableApplicationContext context = app.run("--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off", "--masthead.comments.max-reply-depth=3")) {
      assertThat(context.getBean(CommentValidator.class).policy().maxReplyDepth()).isEqualTo(3);
      assertThat(context.getBeansOfType(SpamFilter.class)).hasSize(1);
      assertThat(context.getBeansOfType(RankingEngine.class)).hasSize(1);
      assertThat(context.getBeansOfType(RelatedArticles.class)).hasSize(1);
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/article")).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      ObjectMapper jackson2 = new ObjectMapper().registerModule(new MastheadModule());
      assertThat(jackson2.readTree(response.body())).isEqualTo(jackson2.readTree(jackson2.writeValueAsString(ARTICLE)));
      assertThat(jackson2.readValue(response.body(), Article.class)).isEqualTo(ARTICLE);
    }
  }
}
