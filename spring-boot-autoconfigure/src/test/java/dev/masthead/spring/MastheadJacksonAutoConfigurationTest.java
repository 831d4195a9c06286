package dev.masthead.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.json.MastheadModule;
import dev.masthead.testing.SampleArticles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

class MastheadJacksonAutoConfigurationTest {
  private static final Article ARTICLE = SampleArticles.bridgeVote().build();

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MastheadJacksonAutoConfiguration.class, JacksonAutoConfiguration.class,
          HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
          DispatcherServletAutoConfiguration.class))
      .withUserConfiguration(Controllers.class);

  /** A page as a host's API might answer it: the article and the ids of its related posts. */
  record Page(Article article, List<ArticleId> related) {}

  @RestController
  static class ArticleController {
    @GetMapping("/article")
    Article article() {
      return ARTICLE;
    }

    @GetMapping("/page")
    Page page() {
      return new Page(ARTICLE, List.of(ArticleId.of("a2"), ArticleId.of("a3")));
    }

    @PostMapping("/headline")
    String headline(@RequestBody Article article) {
      return article.headline() + " by " + article.authors().get(0).name();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Controllers {
    @Bean
    ArticleController articleController() {
      return new ArticleController();
    }
  }

  private static String jackson2(Object value) throws Exception {
    return new ObjectMapper().registerModule(new MastheadModule()).writeValueAsString(value);
  }

  @Test
  void anArticleFromAControllerIsMastheadsJson() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(MastheadJackson3Module.class);
      MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context.getSourceApplicationContext())
          .build();
      MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/article").accept(MediaType.APPLICATION_JSON))
          .andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(200);
      JsonMapper reader = JsonMapper.builder().build();
      assertThat(reader.readTree(result.getResponse().getContentAsString()))
          .isEqualTo(reader.readTree(jackson2(ARTICLE)));
    });
  }

  @Test
  void anArticleInsideAHostsRecordIsMastheadsJsonToo() {
    runner.run(context -> {
      MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context.getSourceApplicationContext())
          .build();
      String body = mvc.perform(MockMvcRequestBuilders.get("/page")).andReturn().getResponse().getContentAsString();
      JsonMapper reader = JsonMapper.builder().build();
      assertThat(reader.readTree(body).get("article")).isEqualTo(reader.readTree(jackson2(ARTICLE)));
      assertThat(reader.readTree(body).get("related").toString()).isEqualTo(jackson2(List.of(ArticleId.of("a2"),
          ArticleId.of("a3"))));
    });
  }

  @Test
  void aControllerReadsAnArticlePostedAsMastheadsJson() {
    runner.run(context -> {
      MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context.getSourceApplicationContext())
          .build();
      MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/headline").contentType(MediaType.APPLICATION_JSON)
          .content(jackson2(ARTICLE))).andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(200);
      assertThat(result.getResponse().getContentAsString())
          .isEqualTo(ARTICLE.headline() + " by Dana Whitfield");
    });
  }

  @Test
  void anArticleCoreRefusesIsABadRequest() {
    runner.run(context -> {
      MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context.getSourceApplicationContext())
          .build();
      String noHeadline = jackson2(ARTICLE).replace("\"headline\"", "\"title\"");
      MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/headline").contentType(MediaType.APPLICATION_JSON)
          .content(noHeadline)).andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(400);
    });
  }

  @Test
  void aHostsOwnModuleBeanWins() {
    runner.withBean("hostModule", MastheadJackson3Module.class, MastheadJackson3Module::new)
        .run(context -> assertThat(context).hasSingleBean(MastheadJackson3Module.class).hasBean("hostModule"));
  }
}
