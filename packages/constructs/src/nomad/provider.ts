import { NomadProvider, type NomadProviderConfig } from "@cdktf/provider-nomad/lib/provider";
import { type Construct, TerraformStack } from "../cdktf";

/**
 * What a stack sets on the nomad provider. There is intentionally no token field (`secretId`,
 * `httpAuth`, key material): the ACL token comes from `NOMAD_TOKEN` (or a workload identity) in the
 * environment at plan time, never from the synthesized JSON.
 */
export interface NomadProviderProps {
  /** HTTP API address. @default `NOMAD_ADDR` from the environment, else `http://127.0.0.1:4646` */
  readonly address?: string;
  /** Region to target. @default `NOMAD_REGION`, else the agent's region */
  readonly region?: string;
  /** CA certificate file to verify the agent with. @default `NOMAD_CACERT` */
  readonly caFile?: string;
  /** Client certificate file for mutual TLS. @default `NOMAD_CLIENT_CERT` */
  readonly certFile?: string;
  /** Client key file for mutual TLS (a path, never key material). @default `NOMAD_CLIENT_KEY` */
  readonly keyFile?: string;
  /** `NOMAD_*` environment variables the provider must ignore, e.g. `{ NOMAD_NAMESPACE: true }`. @default none */
  readonly ignoreEnvVars?: Readonly<Record<string, boolean>>;
  /** Provider alias, for a second cluster in one stack. @default none */
  readonly alias?: string;
}

/**
 * The hashicorp/nomad provider of `@cdktf/provider-nomad` (bindings of provider 2.5.2), declared
 * from {@link NomadProviderProps}. `required_providers` names the full source `hashicorp/nomad` at
 * exactly the release the bindings were generated from, as for every other provider here.
 */
export function nomadProvider(scope: Construct, id: string, props: NomadProviderProps = {}): NomadProvider {
  const { ignoreEnvVars, ...rest } = props;
  // The generated config marks `address` required because the provider's schema does, but the
  // provider fills it from NOMAD_ADDR when it is left out, which is how operators point it.
  const config = { ...rest, ignoreEnvVars: ignoreEnvVars && { ...ignoreEnvVars } } as NomadProviderConfig;
  const provider = new NomadProvider(scope, id, config);
  TerraformStack.of(scope).addOverride("terraform.required_providers.nomad.source", "hashicorp/nomad");
  return provider;
}
