package io.openvpc.engine.security;

import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.AddressTemplates;
import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.ResourceCompiler;
import io.openvpc.model.AddressTemplate;
import io.openvpc.model.AddressTemplateGroup;
import io.openvpc.model.Resource;
import java.util.List;

/**
 * An address template group ({@code ipmg-}) becomes the named set of its templates' blocks; a change
 * to one of its templates compiles it again.
 */
public final class AddressTemplateGroupCompiler implements ResourceCompiler<AddressTemplateGroup> {
  @Override
  public Class<AddressTemplateGroup> kind() {
    return AddressTemplateGroup.class;
  }

  @Override
  public List<Input> inputs() {
    return List.of(Input.resource(AddressTemplate.class));
  }

  @Override
  public void compile(AddressTemplateGroup g, Compilation c) {
    List<Prefix> blocks = AddressTemplates.expand(g.id(), id -> id.equals(g.id()) ? g
            : c.resource(AddressTemplate.class, id).<Resource>map(t -> t).orElse(null))
        .orElse(List.of()).stream().map(Prefix::of).toList();
    c.set(g.id(), blocks);
  }
}
