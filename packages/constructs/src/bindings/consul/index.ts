/**
 * Hand-written typed bindings for the hashicorp/consul Terraform provider at 2.10.1: the prebuilt
 * `@cdktf/provider-consul` binds 2.16.2 and later only.
 */
export { AclPolicy, type AclPolicyConfig } from "./acl-policy";
export { AclRole, type AclRoleConfig, type AclRoleServiceIdentity } from "./acl-role";
export {
  CONSUL_GENERATOR_METADATA,
  CONSUL_PROVIDER_VERSION,
  ConsulProvider,
  type ConsulProviderConfig,
} from "./provider";
