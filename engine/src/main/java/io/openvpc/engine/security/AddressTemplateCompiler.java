package io.openvpc.engine.security;

import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.AddressTemplates;
import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.ResourceCompiler;
import io.openvpc.model.AddressTemplate;
import java.util.List;

/** An address template ({@code ipm-}) becomes the named set rules refer to it by. */
public final class AddressTemplateCompiler implements ResourceCompiler<AddressTemplate> {
  @Override
  public Class<AddressTemplate> kind() {
    return AddressTemplate.class;
  }

  @Override
  public List<Input> inputs() {
    return List.of();
  }

  @Override
  public void compile(AddressTemplate t, Compilation c) {
    c.set(t.id(), AddressTemplates.blocks(t.members()).stream().map(Prefix::of).toList());
  }
}
