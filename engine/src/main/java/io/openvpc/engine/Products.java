package io.openvpc.engine;

import io.openvpc.engine.compile.Compilers;
import io.openvpc.engine.security.AddressTemplateCompiler;
import io.openvpc.engine.security.AddressTemplateGroupCompiler;
import io.openvpc.engine.security.NetworkAclCompiler;
import io.openvpc.engine.security.SecurityGroupCompiler;
import io.openvpc.engine.vpc.HaVipCompiler;
import io.openvpc.engine.vpc.NetworkInterfaceCompiler;
import io.openvpc.engine.vpc.RouteTableCompiler;
import io.openvpc.engine.vpc.SubnetCompiler;
import io.openvpc.engine.vpc.VpcCompiler;
import java.util.List;

/**
 * The products the engine compiles, each by its one compiler, listed once. A new product adds its
 * compiler here (producers of what others read first) and touches nothing else in the engine.
 */
public final class Products {
  private Products() {}

  public static Compilers compilers() {
    return new Compilers(List.of(
        new AddressTemplateCompiler(),
        new AddressTemplateGroupCompiler(),
        new SecurityGroupCompiler(),
        new NetworkAclCompiler(),
        new VpcCompiler(),
        new HaVipCompiler(),
        new NetworkInterfaceCompiler(),
        new RouteTableCompiler(),
        new SubnetCompiler()));
  }
}
