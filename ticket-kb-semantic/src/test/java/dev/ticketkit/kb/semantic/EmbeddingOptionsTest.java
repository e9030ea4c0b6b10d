package dev.ticketkit.kb.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedding options' defaults, copies and range checks. */
class EmbeddingOptionsTest {

  @Test
  void defaultsRunOnTheCallingThreadWithACache() {
    EmbeddingOptions d = EmbeddingOptions.defaults();
    assertThat(d.intraOpThreads()).isEqualTo(1);
    assertThat(d.spinning()).isFalse();
    assertThat(d.queryCache()).isEqualTo(EmbeddingOptions.DEFAULT_QUERY_CACHE);
  }

  @Test
  void copiesChangeOneOption() {
    EmbeddingOptions o = EmbeddingOptions.defaults().withIntraOpThreads(2).withSpinning(true)
        .withQueryCache(0);
    assertThat(o).isEqualTo(new EmbeddingOptions(2, true, 0));
    assertThat(o.withQueryCache(EmbeddingOptions.MAX_QUERY_CACHE).queryCache())
        .isEqualTo(EmbeddingOptions.MAX_QUERY_CACHE);
    assertThat(o.withIntraOpThreads(EmbeddingOptions.MAX_THREADS).intraOpThreads())
        .isEqualTo(EmbeddingOptions.MAX_THREADS);
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 65, Integer.MAX_VALUE})
  void threadsOutOfRangeAreRejectedByName(int threads) {
    assertThatThrownBy(() -> EmbeddingOptions.defaults().withIntraOpThreads(threads))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("intraOpThreads");
          assertThat(e.value()).isEqualTo(String.valueOf(threads));
        })
        .hasMessageContaining("intraOpThreads").hasMessageContaining(String.valueOf(threads));
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 100_001, Integer.MAX_VALUE})
  void cacheSizeOutOfRangeIsRejectedByName(int size) {
    assertThatThrownBy(() -> EmbeddingOptions.defaults().withQueryCache(size))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("queryCache");
          assertThat(e.value()).isEqualTo(String.valueOf(size));
        })
        .hasMessageContaining("queryCache").hasMessageContaining(String.valueOf(size));
  }
}
