package io.openvpc.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.model.Rejection;
import org.assertj.core.api.ThrowableAssert;

/** What control tests assert of a refused call: the Rejection's code and a part of its message. */
public final class Rejections {
  private Rejections() {}

  public static void assertRejected(ThrowableAssert.ThrowingCallable call, String code, String messagePart) {
    assertThatThrownBy(call).isInstanceOfSatisfying(Rejection.class, r -> {
      assertThat(r.code()).isEqualTo(code);
      assertThat(r.getMessage()).contains(messagePart);
    });
  }
}
