export {
  type INomadAclPolicy,
  type ModuleNomadAclPolicy,
  type NamespaceGlob,
  NomadAclPolicy,
  type NomadAclPolicyProps,
  type NomadHostVolumeRule,
  type NomadJobAcl,
  type NomadNamespaceRule,
} from "./acl-policy";
export { NomadAclRole, type NomadAclRoleProps } from "./acl-role";
export {
  checkNamespaceDeclared,
  type INomadNamespace,
  NOMAD_NAME,
  NomadNamespace,
  type NomadNamespaceProps,
} from "./namespace";
export {
  type CoarsePolicy,
  canonical,
  HOST_VOLUME_CAPABILITIES,
  type HostVolumeCapability,
  type HostVolumePolicy,
  type HostVolumeRuleDocument,
  NAMESPACE_CAPABILITIES,
  type NamespaceCapability,
  type NamespacePolicy,
  type NamespaceRuleDocument,
  type NomadPolicyDocument,
  type PluginPolicy,
  renderNomadPolicy,
  VARIABLE_CAPABILITIES,
  type VariableCapability,
  type VariablePathRule,
} from "./policy-document";
export { type NomadProviderProps, nomadProvider } from "./provider";
export {
  NomadScheduler,
  type NomadSchedulerProps,
  type SchedulerAlgorithm,
  type SchedulerType,
} from "./scheduler-config";
export { jobVariablePath, NomadVariable, type NomadVariableProps } from "./variable";
