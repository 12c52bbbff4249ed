import { ACCESS, type AccessEstate } from "./access";
import { DNS, type DnsEstate } from "./dns";
import { type CdnFrontSpec, REPO_FASTLY } from "./fastly";
import { GITHUB, type GithubEstate } from "./github";
import { HASHISTACK, type HashistackEstate } from "./hashistack";
import { HOSTS, type HostsEstate } from "./hosts";
import { SERVICES, type ServicesEstate } from "./services";
import { STATE, type StateEstate } from "./state";
import { TLS, type TlsEstate } from "./tls";

/**
 * Everything about the organization that operators edit as typed data, in one value: the app is
 * built from it (and from the people and mirror files), so tests can build the same app from a
 * frozen copy. People live in `maintainers/`, mirrors in `estate/mirrors.yaml`.
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

export const VOID_ESTATE: Estate = {
  github: GITHUB,
  dns: DNS,
  hosts: HOSTS,
  services: SERVICES,
  fastly: REPO_FASTLY,
  hashistack: HASHISTACK,
  tls: TLS,
  state: STATE,
  access: ACCESS,
};
