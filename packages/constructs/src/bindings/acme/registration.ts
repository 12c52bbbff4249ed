import type { Construct, TerraformMetaArguments } from "../../cdktf";
import { BoundResource } from "../base";
import { ACME_GENERATOR_METADATA } from "./provider";

/** Links the account to an account at a commercial CA. */
export interface RegistrationExternalAccountBinding {
  /** Key ID given by the CA. */
  readonly keyId: string;
  /** Base64 HMAC key given by the CA; a secret, so pass a reference (e.g. a variable), never a literal. */
  readonly hmacBase64: string;
}

export interface RegistrationConfig extends TerraformMetaArguments {
  /** The account's private key in PEM; pass a reference such as `tls_private_key.private_key_pem`. */
  readonly accountKeyPem: string;
  /** Contact address for expiry and policy mail. */
  readonly emailAddress: string;
  /** External account binding. @default none */
  readonly externalAccountBinding?: RegistrationExternalAccountBinding;
}

/**
 * `acme_registration`: an account at the provider's ACME CA. Every argument forces a new account.
 *
 * Docs: https://registry.terraform.io/providers/vancluever/acme/2.41.0/docs/resources/registration
 */
export class Registration extends BoundResource<RegistrationConfig> {
  static readonly tfResourceType = "acme_registration";

  constructor(scope: Construct, id: string, config: RegistrationConfig) {
    super(scope, id, Registration.tfResourceType, ACME_GENERATOR_METADATA, config);
  }

  /** The account key, as a reference; using it orders certificates after the registration. */
  get accountKeyPem(): string {
    return this.getStringAttribute("account_key_pem");
  }

  get registrationUrl(): string {
    return this.getStringAttribute("registration_url");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const eab = this.config.externalAccountBinding;
    return {
      account_key_pem: this.config.accountKeyPem,
      email_address: this.config.emailAddress,
      external_account_binding: eab && { key_id: eab.keyId, hmac_base64: eab.hmacBase64 },
    };
  }
}
