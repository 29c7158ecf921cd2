package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.adapter.BoundedBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
  /** Counts what is read from an endless (or given-length) stream of zeros. */
  private static final class Source extends InputStream {
    private final long length;
    long read;

    Source(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      if (read >= length) {
        return -1;
      }
      read++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - read);
      read += n;
      return n;
    }
  }

  @Test
  void aBodyWithinTheLimitIsKeptWhole() throws IOException {
    BoundedBody body = BoundedBody.read(new ByteArrayInputStream(new byte[100]), 100, 100);
    assertThat(body.isExceeded()).isFalse();
    assertThat(body.bytes()).hasSize(100);
  }

  @Test
  void aDeclaredLengthOverTheLimitReadsNothing() throws IOException {
    Source in = new Source(5000);
    assertThat(BoundedBody.read(in, 5000, 1024).isExceeded()).isTrue();
    assertThat(in.read).isZero();
  }

  @Test
  void anUndeclaredBodyIsReadOnlyOnePastTheLimit() throws IOException {
    Source in = new Source(Long.MAX_VALUE);
    assertThat(BoundedBody.read(in, -1, 1024).isExceeded()).isTrue();
    assertThat(in.read).isEqualTo(1025);
  }

  @Test
  void theRestOfARefusedBodyIsReadToItsEnd() throws IOException {
    Source in = new Source(600 * 1024);
    BoundedBody.read(in, -1, 512 * 1024);
    assertThat(BoundedBody.discardRest(in, -1, null)).isTrue();
    assertThat(in.read).isEqualTo(600 * 1024);
  }

  @Test
  void anEndlessRestIsReadOnlyToTheSwallowLimit() {
    Source in = new Source(Long.MAX_VALUE);
    assertThat(BoundedBody.discardRest(in, -1, null)).isFalse();
    assertThat(in.read).isEqualTo(BoundedBody.SWALLOW_LIMIT);
  }

  @Test
  void aDeclaredRestOverTheSwallowLimitIsNotRead() {
    Source in = new Source(Long.MAX_VALUE);
    assertThat(BoundedBody.discardRest(in, BoundedBody.SWALLOW_LIMIT + 1, null)).isFalse();
    assertThat(in.read).isZero();
  }

  @Test
  void aClientWaitingFor100ContinueIsNotAskedForItsBody() {
    Source in = new Source(10);
    assertThat(BoundedBody.discardRest(in, 10, "100-Continue")).isFalse();
    assertThat(in.read).isZero();
  }

  @Test
  void aClientThatHungUpEndsTheDiscarding() {
    InputStream gone =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };
    assertThat(BoundedBody.discardRest(gone, -1, null)).isFalse();
  }
}
