package io.openvpc.control.security;

import io.openvpc.control.RuleEdit;
import io.openvpc.model.Direction;
import io.openvpc.model.SecurityGroupPolicy;

/**
 * A rule-editing request resolved and checked: the direction whose list it changes and how, its rules
 * normalised. {@code member} names the request's rules ({@code SecurityGroupPolicySet.Ingress}); the
 * k-th rule the edit writes is {@code member.k}.
 */
record PolicyEdit(Direction direction, String member, RuleEdit<SecurityGroupPolicy> edit) {}
