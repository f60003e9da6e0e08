package io.openvpc.model;

/** One member of an address or service template: its value ({@code 10.0.0.0/8}, {@code tcp:80}) and a note. */
public record TemplateMember(String value, String description) {
  public TemplateMember {
    description = description == null ? "" : description;
  }
}
