import type { Construct, TerraformMetaArguments } from "../../cdktf";
import { BoundResource } from "../base";
import { FASTLY_GENERATOR_METADATA } from "./provider";

/**
 * Typed binding of `fastly_service_vcl` (fastly/fastly 3.0.4): a Fastly Delivery (VCL) service with
 * its nested blocks. Field names are the provider's, camelCased; defaults quoted are the provider's.
 * Backend client certificates/keys are not modelled: they are secrets and must not be synthesized.
 *
 * Docs: https://registry.terraform.io/providers/fastly/fastly/3.0.4/docs/resources/service_vcl
 */

/** `domain` block: a hostname the service answers. */
export interface ServiceVclDomain {
  /** The hostname, e.g. `cdn.example.org` (no trailing dot). Changing it recreates the domain. */
  readonly name: string;
  /** Free-text comment. @default none */
  readonly comment?: string;
}

/** `backend` block: an origin server. */
export interface ServiceVclBackend {
  /** Unique name within the service. */
  readonly name: string;
  /** IPv4, IPv6 or hostname of the origin. */
  readonly address: string;
  /** Origin port. @default 80 */
  readonly port?: number;
  /** Connect to the origin over TLS. @default false */
  readonly useSsl?: boolean;
  /** Verify the origin certificate. @default true */
  readonly sslCheckCert?: boolean;
  /** Hostname the origin certificate is checked against. @default none */
  readonly sslCertHostname?: string;
  /** SNI hostname sent to the origin. @default none */
  readonly sslSniHostname?: string;
  /** CA certificate (PEM) used to verify the origin. @default none */
  readonly sslCaCert?: string;
  /** Colon-separated OpenSSL cipher list. @default Fastly's */
  readonly sslCiphers?: string;
  /** Minimum TLS version towards the origin, e.g. `1.2`. @default Fastly's */
  readonly minTlsVersion?: string;
  /** Maximum TLS version towards the origin. @default Fastly's */
  readonly maxTlsVersion?: string;
  /** Host header sent to the origin. @default the client's */
  readonly overrideHost?: string;
  /** Shield POP code (from `GET /datacenters`), e.g. `hel-helsinki-fi`. @default no shielding */
  readonly shield?: string;
  /** Connect timeout in ms. @default 1000 */
  readonly connectTimeout?: number;
  /** First-byte timeout in ms. @default 15000 */
  readonly firstByteTimeout?: number;
  /** Timeout between bytes in ms. @default 10000 */
  readonly betweenBytesTimeout?: number;
  /** Errors tolerated before the backend is marked down. @default 0 */
  readonly errorThreshold?: number;
  /** Maximum connections. @default 200 */
  readonly maxConn?: number;
  /** Share of traffic when load balancing. @default 100 */
  readonly weight?: number;
  /** Include in automatic load balancing. @default false */
  readonly autoLoadbalance?: boolean;
  /** Name of a `healthcheck` block. @default none */
  readonly healthcheck?: string;
  /** Name of a REQUEST condition selecting this backend. @default none */
  readonly requestCondition?: string;
}

/** Where in the generated VCL a snippet is placed. */
export type VclSnippetType =
  | "init"
  | "recv"
  | "hash"
  | "hit"
  | "miss"
  | "pass"
  | "fetch"
  | "error"
  | "deliver"
  | "log"
  | "none";

/** `snippet` block: a regular (versioned) VCL snippet. */
export interface ServiceVclSnippet {
  /** Unique name across regular and dynamic snippets. */
  readonly name: string;
  /** Subroutine the snippet is inserted into. */
  readonly type: VclSnippetType;
  /** The VCL code. */
  readonly content: string;
  /** Ordering among snippets of one type, lower first. @default 100 */
  readonly priority?: number;
}

/** Action of a cache setting. */
export type CacheSettingAction = "cache" | "pass" | "restart";

/** `cache_setting` block: TTL overrides. */
export interface ServiceVclCacheSetting {
  /** Unique name. */
  readonly name: string;
  /** Caching action. @default none (only the TTLs apply) */
  readonly action?: CacheSettingAction;
  /** Name of a CACHE condition gating this setting. @default always applies */
  readonly cacheCondition?: string;
  /** TTL in seconds. @default none */
  readonly ttl?: number;
  /** Maximum TTL in seconds for stale objects. @default none */
  readonly staleTtl?: number;
}

/** Kind of a condition: which VCL variables its statement may use. */
export type ConditionType = "REQUEST" | "RESPONSE" | "CACHE";

/** `condition` block: a named VCL boolean expression other blocks refer to. */
export interface ServiceVclCondition {
  /** Unique name. */
  readonly name: string;
  /** VCL expression, e.g. `req.url ~ "^/api/"`. */
  readonly statement: string;
  /** REQUEST (req), RESPONSE (req, resp) or CACHE (req, beresp). */
  readonly type: ConditionType;
  /** Evaluation order, lower first. @default 10 */
  readonly priority?: number;
}

/** `header` block: header manipulation. */
export interface ServiceVclHeader {
  /** Unique name. */
  readonly name: string;
  /** What to do with the header. */
  readonly action: "set" | "append" | "delete" | "regex" | "regex_repeat";
  /** Phase the action runs in. */
  readonly type: "request" | "fetch" | "cache" | "response";
  /** Header affected, e.g. `http.X-Served-By`. */
  readonly destination: string;
  /** Variable used as the value (not for delete). @default none */
  readonly source?: string;
  /** Do not overwrite an existing header (set only). @default false */
  readonly ignoreIfSet?: boolean;
  /** Ordering, lower first. @default 100 */
  readonly priority?: number;
  /** Regular expression (regex actions only). @default none */
  readonly regex?: string;
  /** Replacement (regex actions only). @default none */
  readonly substitution?: string;
  /** REQUEST condition. @default none */
  readonly requestCondition?: string;
  /** CACHE condition. @default none */
  readonly cacheCondition?: string;
  /** RESPONSE condition. @default none */
  readonly responseCondition?: string;
}

/** `gzip` block: dynamic compression at the edge. */
export interface ServiceVclGzip {
  /** Unique name. */
  readonly name: string;
  /** Content types to compress. @default Fastly's list */
  readonly contentTypes?: readonly string[];
  /** File extensions to compress. @default Fastly's list */
  readonly extensions?: readonly string[];
  /** CACHE condition. @default always */
  readonly cacheCondition?: string;
}

/** `healthcheck` block: origin health probing. */
export interface ServiceVclHealthcheck {
  /** Unique name, referenced by `backend.healthcheck`. */
  readonly name: string;
  /** Host header of the probe. */
  readonly host: string;
  /** Path probed. */
  readonly path: string;
  /** HTTP method. @default HEAD */
  readonly method?: string;
  /** Expected status code. @default 200 */
  readonly expectedResponse?: number;
  /** Probe interval in ms. @default 5000 */
  readonly checkInterval?: number;
  /** Probe timeout in ms. @default 5000 */
  readonly timeout?: number;
  /** Successful probes (of `window`) needed to be healthy. @default 3 */
  readonly threshold?: number;
  /** Probes kept for the decision. @default 5 */
  readonly window?: number;
  /** Probes assumed OK at load. @default 3 */
  readonly initial?: number;
  /** `1.0` or `1.1`. @default 1.1 */
  readonly httpVersion?: "1.0" | "1.1";
  /** Extra request headers of the probe. @default none */
  readonly headers?: readonly string[];
}

/** `request_setting` block: per-request behaviour. */
export interface ServiceVclRequestSetting {
  /** Unique name. */
  readonly name: string;
  /** Terminate handling with lookup or pass. @default none */
  readonly action?: "lookup" | "pass";
  /** REQUEST condition. @default always */
  readonly requestCondition?: string;
  /** Force a cache miss. @default false */
  readonly forceMiss?: boolean;
  /** Redirect plain HTTP to HTTPS. @default false */
  readonly forceSsl?: boolean;
  /** Disable request collapsing. @default false */
  readonly bypassBusyWait?: boolean;
  /** Host header override. @default none */
  readonly defaultHost?: string;
  /** Comma-separated hash key fields. @default Fastly's */
  readonly hashKeys?: string;
  /** Maximum stale age in seconds. @default Fastly's */
  readonly maxStaleAge?: number;
  /** Add the X-Timer header. @default false */
  readonly timerSupport?: boolean;
  /** X-Forwarded-For handling. @default Fastly's */
  readonly xff?: "clear" | "leave" | "append" | "append_all" | "overwrite";
}

export interface ServiceVclConfig extends TerraformMetaArguments {
  /** Unique service name in the Fastly account. */
  readonly name: string;
  /** Service description. @default `Managed by Terraform` */
  readonly comment?: string;
  /** Description of each new version. @default none */
  readonly versionComment?: string;
  /** Host header sent when a request carries none. @default none */
  readonly defaultHost?: string;
  /** TTL in seconds of objects whose origin gives none. @default 3600 */
  readonly defaultTtl?: number;
  /** Activate new versions on apply. @default true */
  readonly activate?: boolean;
  /** Allow destroying an active service. @default false */
  readonly forceDestroy?: boolean;
  /** Deactivate instead of destroy, for re-import elsewhere. @default false */
  readonly reuse?: boolean;
  /** Serve stale objects on origin errors. @default false */
  readonly staleIfError?: boolean;
  /** TTL of stale-if-error objects in seconds. @default 43200 */
  readonly staleIfErrorTtl?: number;
  /** Hostnames served; the provider requires at least one. */
  readonly domain: readonly ServiceVclDomain[];
  /** Origins. @default none */
  readonly backend?: readonly ServiceVclBackend[];
  /** VCL snippets. @default none */
  readonly snippet?: readonly ServiceVclSnippet[];
  /** Cache settings. @default none */
  readonly cacheSetting?: readonly ServiceVclCacheSetting[];
  /** Conditions. @default none */
  readonly condition?: readonly ServiceVclCondition[];
  /** Header rules. @default none */
  readonly header?: readonly ServiceVclHeader[];
  /** Gzip rules. @default none */
  readonly gzip?: readonly ServiceVclGzip[];
  /** Health checks. @default none */
  readonly healthcheck?: readonly ServiceVclHealthcheck[];
  /** Request settings. @default none */
  readonly requestSetting?: readonly ServiceVclRequestSetting[];
}

export class ServiceVcl extends BoundResource<ServiceVclConfig> {
  static readonly tfResourceType = "fastly_service_vcl";

  constructor(scope: Construct, id: string, config: ServiceVclConfig) {
    super(scope, id, ServiceVcl.tfResourceType, FASTLY_GENERATOR_METADATA, config);
  }

  /** The version currently active. */
  get activeVersion(): number {
    return this.getNumberAttribute("active_version");
  }

  /** The latest version the provider cloned. */
  get clonedVersion(): number {
    return this.getNumberAttribute("cloned_version");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const c = this.config;
    return {
      name: c.name,
      comment: c.comment,
      version_comment: c.versionComment,
      default_host: c.defaultHost,
      default_ttl: c.defaultTtl,
      activate: c.activate,
      force_destroy: c.forceDestroy,
      reuse: c.reuse,
      stale_if_error: c.staleIfError,
      stale_if_error_ttl: c.staleIfErrorTtl,
      domain: blocks(c.domain, (d) => ({ name: d.name, comment: d.comment })),
      backend: blocks(c.backend, backendToTerraform),
      snippet: blocks(c.snippet, (s) => ({
        name: s.name,
        type: s.type,
        content: s.content,
        priority: s.priority,
      })),
      cache_setting: blocks(c.cacheSetting, (s) => ({
        name: s.name,
        action: s.action,
        cache_condition: s.cacheCondition,
        ttl: s.ttl,
        stale_ttl: s.staleTtl,
      })),
      condition: blocks(c.condition, (s) => ({
        name: s.name,
        statement: s.statement,
        type: s.type,
        priority: s.priority,
      })),
      header: blocks(c.header, headerToTerraform),
      gzip: blocks(c.gzip, (g) => ({
        name: g.name,
        content_types: g.contentTypes,
        extensions: g.extensions,
        cache_condition: g.cacheCondition,
      })),
      healthcheck: blocks(c.healthcheck, healthcheckToTerraform),
      request_setting: blocks(c.requestSetting, requestSettingToTerraform),
    };
  }
}

/** Nested blocks synthesize as JSON arrays of objects; an absent or empty list is left out. */
function blocks<T>(items: readonly T[] | undefined, map: (item: T) => Record<string, unknown>) {
  return items && items.length > 0 ? items.map(map) : undefined;
}

function backendToTerraform(b: ServiceVclBackend): Record<string, unknown> {
  return {
    name: b.name,
    address: b.address,
    port: b.port,
    use_ssl: b.useSsl,
    ssl_check_cert: b.sslCheckCert,
    ssl_cert_hostname: b.sslCertHostname,
    ssl_sni_hostname: b.sslSniHostname,
    ssl_ca_cert: b.sslCaCert,
    ssl_ciphers: b.sslCiphers,
    min_tls_version: b.minTlsVersion,
    max_tls_version: b.maxTlsVersion,
    override_host: b.overrideHost,
    shield: b.shield,
    connect_timeout: b.connectTimeout,
    first_byte_timeout: b.firstByteTimeout,
    between_bytes_timeout: b.betweenBytesTimeout,
    error_threshold: b.errorThreshold,
    max_conn: b.maxConn,
    weight: b.weight,
    auto_loadbalance: b.autoLoadbalance,
    healthcheck: b.healthcheck,
    request_condition: b.requestCondition,
  };
}

function headerToTerraform(h: ServiceVclHeader): Record<string, unknown> {
  return {
    name: h.name,
    action: h.action,
    type: h.type,
    destination: h.destination,
    source: h.source,
    ignore_if_set: h.ignoreIfSet,
    priority: h.priority,
    regex: h.regex,
    substitution: h.substitution,
    request_condition: h.requestCondition,
    cache_condition: h.cacheCondition,
    response_condition: h.responseCondition,
  };
}

function healthcheckToTerraform(h: ServiceVclHealthcheck): Record<string, unknown> {
  return {
    name: h.name,
    host: h.host,
    path: h.path,
    method: h.method,
    expected_response: h.expectedResponse,
    check_interval: h.checkInterval,
    timeout: h.timeout,
    threshold: h.threshold,
    window: h.window,
    initial: h.initial,
    http_version: h.httpVersion,
    headers: h.headers,
  };
}

function requestSettingToTerraform(r: ServiceVclRequestSetting): Record<string, unknown> {
  return {
    name: r.name,
    action: r.action,
    request_condition: r.requestCondition,
    force_miss: r.forceMiss,
    force_ssl: r.forceSsl,
    bypass_busy_wait: r.bypassBusyWait,
    default_host: r.defaultHost,
    hash_keys: r.hashKeys,
    max_stale_age: r.maxStaleAge,
    timer_support: r.timerSupport,
    xff: r.xff,
  };
}
