/**
 * Void's proxy tiers and the services published through them (void-estate.md section 7). Names
 * are relative to voidlinux.org. Taking a proxy host out of rotation: delete its line in
 * `members`. Publishing a service: add one entry to PROXIED_SERVICES (and give the Nomad service
 * the `nginx_enable` / `nginx_names` meta listed in the JSON artifact).
 */
import type { NomadDatacenter, VoidHostName } from "./hosts";

type ProxyTierName = "omniproxy" | "cproxy";

export interface ProxyTierSpec {
  /** Hosts in DNS rotation. */
  readonly members: readonly string[];
  /** Publish AAAA records too. */
  readonly ipv6: boolean;
  /** Parents whose undefined children are sent to the tier by wildcard CNAME (`@` = the apex). */
  readonly wildcards: readonly string[];
  /** Nomad system job that runs the proxy. */
  readonly job: string;
  readonly namespace: string;
  readonly datacenter: string;
}

type NomadNamespace = "apps" | "apps-restricted" | "build" | "infrastructure" | "mirror" | "monitoring";

/** Void's tier data, with host names checked at compile time. */
interface VoidProxyTier extends ProxyTierSpec {
  readonly members: readonly VoidHostName[];
  readonly namespace: NomadNamespace;
  readonly datacenter: NomadDatacenter;
}

const PROXY_TIERS: Readonly<Record<ProxyTierName, VoidProxyTier>> = {
  // The nginx job also runs on b-hel-fi, but only these two are in DNS.
  omniproxy: {
    members: ["d-hel-fi", "a-fra-de"],
    ipv6: true,
    wildcards: ["s", "@"],
    job: "nginx",
    namespace: "mirror",
    datacenter: "VOID-MIRROR",
  },
  cproxy: {
    members: ["e-hel-fi", "f-hel-fi", "g-hel-fi"],
    ipv6: false,
    wildcards: [],
    job: "nginx-control",
    namespace: "infrastructure",
    datacenter: "VOID-CONTROL",
  },
};

export interface ProxiedService {
  /** Consul service name; undefined when the Nomad service block has none (Nomad's default name). */
  readonly service?: string;
  readonly job: string;
  readonly namespace: string;
  readonly datacenters: readonly string[];
  /** Names (relative) that the proxies answer for the service: the `nginx_names` meta. */
  readonly names: readonly string[];
  /** Tier whose names reach the service. */
  readonly tier: string;
  /** DNS points straight at this member of the tier instead of the tier's wildcard. */
  readonly pinnedTo?: string;
}

interface VoidProxiedService extends ProxiedService {
  readonly namespace: NomadNamespace;
  readonly datacenters: readonly NomadDatacenter[];
  readonly tier: ProxyTierName;
  readonly pinnedTo?: VoidHostName;
}

/** Services consul-template publishes through the proxies (`nginx_enable` meta). */
const PROXIED_SERVICES: readonly VoidProxiedService[] = [
  svc("alps", "apps-restricted", ["VOID"], ["alps.s", "alps"]),
  svc("debuginfod", "apps", ["VOID"], ["debuginfod.s", "debuginfod"]),
  {
    ...svc("devspace-sftp", "apps", ["VOID-MIRROR"], ["devspace-sftp"]),
    job: "devspace",
    pinnedTo: "d-hel-fi",
  },
  { ...svc("devspace", "apps", ["VOID-MIRROR"], ["devspace"]), pinnedTo: "d-hel-fi" },
  { ...svc("pad", "apps", ["VOID"], ["pad"]), job: "etherpad" },
  svc("infradocs", "apps", ["VOID"], ["infradocs"]),
  svc("ircbot", "apps", ["VOID"], ["ircbot"]),
  svc("man-cgi", "apps", ["VOID-MIRROR"], ["man"]),
  { ...svc("popcorn", "apps", ["VOID-MIRROR"], ["popcorn"]), pinnedTo: "d-hel-fi" },
  svc("xq-api", "apps", ["VOID-MIRROR"], ["xq-api"]),
  svc("terrastate", "infrastructure", ["VOID"], ["terrastate.s"]),
  svc("alertmanager", "monitoring", ["VOID"], ["alertmanager.s", "alertmanager"]),
  svc("grafana", "monitoring", ["VOID"], ["grafana.s", "grafana"]),
  svc("prometheus", "monitoring", ["VOID"], ["prometheus.s", "prometheus"]),
  svc("vmlogs", "monitoring", ["VOID"], ["vmlogs"]),
  {
    job: "promtail",
    namespace: "monitoring",
    datacenters: ["VOID"],
    names: ["promtail-tmp"],
    tier: "omniproxy",
  },
  {
    job: "vector",
    namespace: "monitoring",
    datacenters: ["VOID", "VOID-MX", "VOID-MIRROR", "VOID-CONTROL"],
    names: ["vector-tmp"],
    tier: "omniproxy",
  },
];

/** A name a tier serves from a fixed site fragment rather than from Consul meta. */
export interface FragmentService {
  /** Name (relative) the tier answers. */
  readonly name: string;
  readonly tier: string;
  /** Where nginx sends the requests. */
  readonly upstream: string;
  /** Site fragment that defines the server. */
  readonly fragment: string;
}

/** The HashiStack UIs, served by the control tier (05-hashi.conf); their names are explicit CNAMEs. */
const HASHI_UIS: readonly (FragmentService & { readonly tier: ProxyTierName })[] = [
  { name: "nomad", tier: "cproxy", upstream: "nomad.service.consul:4646", fragment: "05-hashi.conf" },
  { name: "consul", tier: "cproxy", upstream: "consul.service.consul:8500", fragment: "05-hashi.conf" },
  { name: "vault", tier: "cproxy", upstream: "active.vault.service.consul:8200", fragment: "05-hashi.conf" },
];

function svc(
  service: string,
  namespace: NomadNamespace,
  datacenters: readonly NomadDatacenter[],
  names: readonly string[],
): VoidProxiedService {
  return { service, job: service, namespace, datacenters, names, tier: "omniproxy" };
}

/** The proxy tiers (by name), the services published through them, and fixed-fragment names. */
export interface ServicesEstate {
  readonly tiers: Readonly<Record<string, ProxyTierSpec>>;
  readonly proxied: readonly ProxiedService[];
  readonly fragments: readonly FragmentService[];
}

export const SERVICES: ServicesEstate = {
  tiers: PROXY_TIERS,
  proxied: PROXIED_SERVICES,
  fragments: HASHI_UIS,
};
