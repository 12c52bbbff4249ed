import type { Construct } from "../../cdktf";
import { BoundProvider, pinnedRelease } from "../base";

/**
 * The hashicorp/consul provider release these bindings follow, pinned exactly in
 * `required_providers`. The prebuilt `@cdktf/provider-consul` binds 2.16.2 and later only.
 */
export const CONSUL_PROVIDER_VERSION = "2.10.1";

/** Shared by every consul binding so all of them pin the same provider release. */
export const CONSUL_GENERATOR_METADATA = pinnedRelease("consul", CONSUL_PROVIDER_VERSION);

export interface ConsulProviderConfig {
  /** HTTP API address (`host:port`). @default `CONSUL_HTTP_ADDR`, else `localhost:8500` */
  readonly address?: string;
  /** `http` or `https`. @default `CONSUL_HTTP_SSL`, else `http` */
  readonly scheme?: "http" | "https";
  /** Datacenter to use. @default the agent's */
  readonly datacenter?: string;
  /** CA certificate file. @default `CONSUL_CACERT` */
  readonly caFile?: string;
  /** Directory of CA certificates. @default `CONSUL_CAPATH` */
  readonly caPath?: string;
  /** Client certificate file for mutual TLS. @default `CONSUL_CLIENT_CERT` */
  readonly certFile?: string;
  /** Client key file for mutual TLS (a path, never key material). @default `CONSUL_CLIENT_KEY` */
  readonly keyFile?: string;
  /** Skip TLS verification. @default false */
  readonly insecureHttps?: boolean;
  /** Provider alias. @default none */
  readonly alias?: string;
}

/**
 * The `consul` provider block. There is intentionally no `token` or `httpAuth` field: the ACL
 * token comes from `CONSUL_HTTP_TOKEN` in the environment only.
 *
 * Docs: https://registry.terraform.io/providers/hashicorp/consul/2.10.1/docs
 */
export class ConsulProvider extends BoundProvider<ConsulProviderConfig> {
  static readonly tfResourceType = "consul";

  constructor(scope: Construct, id: string, config: ConsulProviderConfig = {}) {
    super(scope, id, ConsulProvider.tfResourceType, "hashicorp/consul", CONSUL_GENERATOR_METADATA, config);
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      address: this.config.address,
      scheme: this.config.scheme,
      datacenter: this.config.datacenter,
      ca_file: this.config.caFile,
      ca_path: this.config.caPath,
      cert_file: this.config.certFile,
      key_file: this.config.keyFile,
      insecure_https: this.config.insecureHttps,
      alias: this.config.alias,
    };
  }
}
