/** Hand-written typed bindings for the fastly/fastly Terraform provider (no prebuilt package exists). */
export {
  FASTLY_GENERATOR_METADATA,
  FASTLY_PROVIDER_VERSION,
  FastlyProvider,
  type FastlyProviderConfig,
} from "./provider";
export {
  type CacheSettingAction,
  type ConditionType,
  ServiceVcl,
  type ServiceVclBackend,
  type ServiceVclCacheSetting,
  type ServiceVclCondition,
  type ServiceVclConfig,
  type ServiceVclDomain,
  type ServiceVclGzip,
  type ServiceVclHeader,
  type ServiceVclHealthcheck,
  type ServiceVclRequestSetting,
  type ServiceVclSnippet,
  type VclSnippetType,
} from "./service-vcl";
export {
  type TlsCertificateAuthority,
  TlsSubscription,
  type TlsSubscriptionConfig,
} from "./tls-subscription";
