package dev.masthead.core;

import java.util.List;

/** {@link ArticleLookup#of} keeps the {@link ArticleLookup} contract. */
class InMemoryArticleLookupContractTest extends ArticleLookupContract {
  @Override
  protected ArticleLookup lookup(List<Article> catalog) {
    return ArticleLookup.of(catalog);
  }
}
