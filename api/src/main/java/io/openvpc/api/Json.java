package io.openvpc.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openvpc.model.Rejection;
import java.io.IOException;

/** The one JSON mapper of the API: nulls omitted, unknown members ignored. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  /**
   * The parameters in a request body. Bytes that are not strict UTF-8 are kept as marks that
   * {@link Params} refuses, naming the member; JSON that does not parse, or that exceeds the parser's
   * limits (nesting, number length), is {@code InvalidParameter} with a message for the caller, never
   * the parser's own.
   */
  public static JsonNode parseParams(byte[] body) {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      return Utf8.isValid(body) ? MAPPER.readTree(body) : MAPPER.readTree(Utf8.decodeMarking(body));
    } catch (StreamConstraintsException e) {
      throw overLimit(e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      String whereZh = at == null || at.getLineNr() < 1 ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
      throw new Rejection("InvalidParameter", "The request body is not valid JSON" + where + ".",
          "请求体不是合法的 JSON" + whereZh + "。");
    } catch (IOException e) {
      throw new Rejection("InvalidParameter", "The request body cannot be read as JSON.", "无法将请求体读取为 JSON。");
    }
  }

  private static Rejection overLimit(StreamConstraintsException e) {
    String m = String.valueOf(e.getOriginalMessage());
    StreamReadConstraints limits = MAPPER.getFactory().streamReadConstraints();
    if (m.contains("nesting depth")) {
      int depth = limits.getMaxNestingDepth();
      return new Rejection("InvalidParameter", "The request body nests JSON arrays and objects deeper than " + depth
          + " levels.", "请求体中 JSON 数组和对象的嵌套超过 " + depth + " 层。");
    }
    if (m.contains("Number value length")) {
      int digits = limits.getMaxNumberLength();
      return new Rejection("InvalidParameter", "The request body holds a number longer than " + digits + " characters.",
          "请求体中有超过 " + digits + " 个字符的数字。");
    }
    return new Rejection("InvalidParameter", "The request body holds a JSON value (a string or a member name) "
        + "longer than the server accepts.", "请求体中的 JSON 字符串或成员名过长。");
  }
}
