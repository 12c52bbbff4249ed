/** Hand-written typed bindings for the vancluever/acme Terraform provider (no prebuilt package exists). */
export {
  Certificate,
  type CertificateConfig,
  type CertificateDnsChallenge,
  type CertificateKeyType,
} from "./certificate";
export {
  ACME_GENERATOR_METADATA,
  ACME_PROVIDER_VERSION,
  AcmeProvider,
  type AcmeProviderConfig,
  LETS_ENCRYPT_PRODUCTION,
  LETS_ENCRYPT_STAGING,
} from "./provider";
export {
  Registration,
  type RegistrationConfig,
  type RegistrationExternalAccountBinding,
} from "./registration";
