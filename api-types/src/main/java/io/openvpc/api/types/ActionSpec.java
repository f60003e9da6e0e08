package io.openvpc.api.types;

/**
 * A typed descriptor of one API action: the product's service name and version, the action name, the
 * name of its input object in the schema, and the Java classes of its request and response.
 */
public record ActionSpec<Q, R>(
    String service, String version, String action, String inputObject, Class<Q> requestType,
    Class<R> responseType) {

  /** The routing key of an action: version and action name are unique across the products served. */
  public String key() {
    return version + "/" + action;
  }
}
