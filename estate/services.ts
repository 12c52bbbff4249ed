/**
 * Void's proxy tiers and the services published through them (void-estate.md section 7). Names
 * are relative to voidlinux.org. Taking a proxy host out of rotation: delete its line in
 * `members`. Publishing a service: add one entry to PROXIED_SERVICES (and give the Nomad service
 * the `nginx_enable` / `nginx_names` meta listed in the JSON artifact).
 */
import type { NomadDatacenter, VoidHostName } from "./hosts";

type ProxyTierName = "omniproxy" | "cproxy";

interface ProxyTierSpec {
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

interface ProxiedService {
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
  {
    service: "alps",
    job: "alps",
    namespace: "apps-restricted",
    datacenters: ["VOID"],
    names: ["alps.s", "alps"],
    tier: "omniproxy",
  },
  {
    service: "debuginfod",
    job: "debuginfod",
    namespace: "apps",
    datacenters: ["VOID"],
    names: ["debuginfod.s", "debuginfod"],
    tier: "omniproxy",
  },
  {
    service: "devspace-sftp",
    job: "devspace",
    namespace: "apps",
    datacenters: ["VOID-MIRROR"],
    names: ["devspace-sftp"],
    tier: "omniproxy",
    pinnedTo: "d-hel-fi",
  },
  {
    service: "devspace",
    job: "devspace",
    namespace: "apps",
    datacenters: ["VOID-MIRROR"],
    names: ["devspace"],
    tier: "omniproxy",
    pinnedTo: "d-hel-fi",
  },
  {
    service: "pad",
    job: "etherpad",
    namespace: "apps",
    datacenters: ["VOID"],
    names: ["pad"],
    tier: "omniproxy",
  },
  {
    service: "infradocs",
    job: "infradocs",
    namespace: "apps",
    datacenters: ["VOID"],
    names: ["infradocs"],
    tier: "omniproxy",
  },
  {
    service: "ircbot",
    job: "ircbot",
    namespace: "apps",
    datacenters: ["VOID"],
    names: ["ircbot"],
    tier: "omniproxy",
  },
  {
    service: "man-cgi",
    job: "man-cgi",
    namespace: "apps",
    datacenters: ["VOID-MIRROR"],
    names: ["man"],
    tier: "omniproxy",
  },
  {
    service: "popcorn",
    job: "popcorn",
    namespace: "apps",
    datacenters: ["VOID-MIRROR"],
    names: ["popcorn"],
    tier: "omniproxy",
    pinnedTo: "d-hel-fi",
  },
  {
    service: "xq-api",
    job: "xq-api",
    namespace: "apps",
    datacenters: ["VOID-MIRROR"],
    names: ["xq-api"],
    tier: "omniproxy",
  },
  {
    service: "terrastate",
    job: "terrastate",
    namespace: "infrastructure",
    datacenters: ["VOID"],
    names: ["terrastate.s"],
    tier: "omniproxy",
  },
  {
    service: "alertmanager",
    job: "alertmanager",
    namespace: "monitoring",
    datacenters: ["VOID"],
    names: ["alertmanager.s", "alertmanager"],
    tier: "omniproxy",
  },
  {
    service: "grafana",
    job: "grafana",
    namespace: "monitoring",
    datacenters: ["VOID"],
    names: ["grafana.s", "grafana"],
    tier: "omniproxy",
  },
  {
    service: "prometheus",
    job: "prometheus",
    namespace: "monitoring",
    datacenters: ["VOID"],
    names: ["prometheus.s", "prometheus"],
    tier: "omniproxy",
  },
  {
    service: "vmlogs",
    job: "vmlogs",
    namespace: "monitoring",
    datacenters: ["VOID"],
    names: ["vmlogs"],
    tier: "omniproxy",
  },
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
interface FragmentService {
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
