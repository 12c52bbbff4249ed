import type { CdnFrontSpec } from "../../estate/fastly";
import type { ModuleSpec } from "../../estate/modules";
import type { StateEstate } from "../../estate/state";
import type { AccessFile } from "./access";
import type { ConsulFile } from "./consul";
import type { DnsFile } from "./dns";
import type { GithubFile, RepositoryFile } from "./github";
import type { DigitalOceanFile, HostsFile, MachineFile } from "./hosts";
import type { NomadFile } from "./nomad";
import type { ProxiesFile, ServiceFile } from "./services";
import type { TlsFile } from "./tls";
import type { VaultFile } from "./vault";

/**
 * The estate as the stacks, the review and the commands read it: the validated data files, and
 * the few parts that stay code (the state server, the CDN's VCL, the registry modules' pins).
 * Each part's type is its file schema's output, so the files, the checks and this model cannot
 * drift apart.
 */
export interface Estate {
  readonly github: GithubEstate;
  readonly dns: DnsEstate;
  readonly hosts: HostsEstate;
  readonly services: ServicesEstate;
  readonly fastly: CdnFrontSpec;
  readonly hashistack: HashistackEstate;
  readonly tls: TlsEstate;
  readonly state: StateEstate;
  /** NetAuth groups derived from teams, for `npm run access`. */
  readonly access: AccessEstate;
}

/** A repository with its name (the name of its file). */
export type RepositorySpec = RepositoryFile & { readonly name: string };

export type GithubEstate = GithubFile & { readonly repositories: readonly RepositorySpec[] };

export type MachineSpec = MachineFile;

export type HostsEstate = HostsFile & {
  /** Every machine by name, in name order. */
  readonly machines: Readonly<Record<string, MachineSpec>>;
  readonly digitalocean: DigitalOceanFile;
};

export type DnsEstate = DnsFile;

export type ProxiedService = ServiceFile;

export interface ServicesEstate {
  readonly tiers: ProxiesFile["tiers"];
  /** The services published through the tiers, in file-name order. */
  readonly proxied: readonly ProxiedService[];
  readonly fragments: ProxiesFile["fragments"];
}

export interface HashistackEstate {
  readonly nomad: NomadFile;
  readonly consul: ConsulFile;
  readonly vault: VaultFile;
  /** Module calls by name (the name is also the module's address). */
  readonly modules: Readonly<Record<string, ModuleSpec>>;
}

export type TlsEstate = TlsFile;

export type AccessEstate = AccessFile;
