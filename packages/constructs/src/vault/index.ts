export { VaultLdapAuth, type VaultLdapAuthProps } from "./ldap-auth";
export { type IVaultMount, VaultMount, type VaultMountProps } from "./mount";
export { type NomadTokenType, VaultNomadRole, type VaultNomadRoleProps } from "./nomad-role";
export { type IVaultPolicy, VaultPolicy, type VaultPolicyProps } from "./policy";
export {
  renderVaultPolicy,
  VAULT_CAPABILITIES,
  type VaultCapability,
  type VaultPathRule,
} from "./policy-document";
