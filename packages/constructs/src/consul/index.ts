export { ConsulAclPolicy, type ConsulAclPolicyProps, type IConsulAclPolicy } from "./acl-policy";
export { ConsulAclRole, type ConsulAclRoleProps, type ConsulServiceIdentity } from "./acl-role";
export {
  CONSUL_NAMED_RESOURCES,
  CONSUL_SCALAR_RESOURCES,
  type ConsulKeyPolicy,
  type ConsulNamedRules,
  type ConsulPolicy,
  type ConsulRules,
  countConsulRules,
  renderConsulRules,
} from "./rules";
