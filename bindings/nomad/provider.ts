import type { Construct } from "../../runtime/cdktf";
import { BoundProvider, pinnedRelease } from "../base";

/**
 * The hashicorp/nomad provider release every Nomad binding follows, in every stack. Void pinned
 * 2.1.0 in hashistack and 2.5.2 in le; one release for both removes that split. 2.5.2 is the newer
 * of the two and already runs the weekly certificate job, so hashistack moves up to it (the 2.x
 * line keeps its state format; `terraform init -upgrade` once).
 */
export const NOMAD_PROVIDER_VERSION = "2.5.2";

/** Shared by every nomad binding so all of them pin the same provider release. */
export const NOMAD_GENERATOR_METADATA = pinnedRelease("nomad", NOMAD_PROVIDER_VERSION);

export interface NomadProviderConfig {
  /** HTTP API address; default: `NOMAD_ADDR` from the environment, else `http://127.0.0.1:4646`. */
  readonly address?: string;
  /** Region to target; default: `NOMAD_REGION`, else the agent's region. */
  readonly region?: string;
  /** CA certificate file to verify the agent with; default: `NOMAD_CACERT`. */
  readonly caFile?: string;
  /** Client certificate file for mutual TLS; default: `NOMAD_CLIENT_CERT`. */
  readonly certFile?: string;
  /** Client key file for mutual TLS (a path, never key material); default: `NOMAD_CLIENT_KEY`. */
  readonly keyFile?: string;
  /** `NOMAD_*` environment variables the provider must ignore, e.g. `{ NOMAD_NAMESPACE: true }`; default none. */
  readonly ignoreEnvVars?: Readonly<Record<string, boolean>>;
  /** Provider alias, for a second cluster in one stack; default none. */
  readonly alias?: string;
}

/**
 * The `nomad` provider block. There is intentionally no `secretId` or `httpAuth` field: the ACL
 * token comes from `NOMAD_TOKEN` (or a workload identity) in the environment, never the JSON.
 *
 * Docs: https://registry.terraform.io/providers/hashicorp/nomad/2.5.2/docs
 */
export class NomadProvider extends BoundProvider<NomadProviderConfig> {
  static readonly tfResourceType = "nomad";

  constructor(scope: Construct, id: string, config: NomadProviderConfig = {}) {
    super(scope, id, NomadProvider.tfResourceType, "hashicorp/nomad", NOMAD_GENERATOR_METADATA, config);
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      address: this.config.address,
      region: this.config.region,
      ca_file: this.config.caFile,
      cert_file: this.config.certFile,
      key_file: this.config.keyFile,
      ignore_env_vars: this.config.ignoreEnvVars,
      alias: this.config.alias,
    };
  }
}
