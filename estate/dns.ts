/**
 * Void's own DNS data for voidlinux.org (void-estate.md section 3), apart from what other estate
 * files already describe: machines (hosts.ts), proxy tiers and service names (services.ts), the
 * Fastly front (fastly.ts). Every name here is relative to the zone; hosts are referred to by
 * their typed names, so a typo fails to compile.
 */
import type { VoidHostName } from "./hosts";

/** The zone's records that no host, proxy, mirror or CDN front accounts for. */
export interface DnsEstate {
  /** Zone name, e.g. `example.org`. */
  readonly zone: string;
  /** GitHub Pages: the apex and `aNames` get its addresses; project `sites` CNAME to `target`. */
  readonly githubPages: {
    readonly ipv4: string;
    readonly ipv6: string;
    /** Target of project-site CNAMEs, absolute. */
    readonly target: string;
    /** Names answered by the IPv4 address directly (A only). */
    readonly aNames: readonly string[];
    readonly sites: readonly string[];
  };
  readonly mail: {
    /** The machine that MX and SPF name. */
    readonly host: string;
    readonly mxPriority: number;
    /** Service alias of the mail host. */
    readonly alias: string;
    readonly dmarc: string;
    readonly dkim: { readonly selector: string; readonly record: string };
  };
  /** Service names that point at one machine directly (not through a proxy tier). */
  readonly hostAliases: readonly { readonly name: string; readonly host: string }[];
  /** Ownership challenges published as TXT records. */
  readonly verifications: readonly { readonly name: string; readonly text: string }[];
  /** Prefix of first-tier mirror names: `<mirrorPrefix><code>`. */
  readonly mirrorPrefix: string;
  /**
   * First-tier mirrors as DNS sees them, pointing at a host or at the CDN front. Region, location
   * and enabled come from estate/mirrors.yaml (the list xmirror publishes).
   */
  readonly mirrors: readonly MirrorDns[];
  /** Repointable aliases: alias code → mirror code. */
  readonly mirrorAliases: Readonly<Record<string, string>>;
}

type MirrorDns = { readonly code: string } & ({ readonly host: string } | { readonly cdn: true });

export const DNS = {
  zone: "voidlinux.org",
  githubPages: {
    ipv4: "185.199.109.153",
    ipv6: "2606:50c0:8000::153",
    target: "void-linux.github.io.",
    aNames: ["www"],
    sites: ["xbps-api-docs", "xmirror"],
  },
  mail: {
    host: "c-hel-fi" satisfies VoidHostName,
    mxPriority: 10,
    alias: "mx1",
    dmarc: "v=DMARC1; p=quarantine; ruf=mailto:postmaster@voidlinux.org",
    dkim: {
      selector: "default",
      record:
        "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgfWwtFQp4PzJSXCIkPvaID+PiiZhloR0u/A5XylUQfmR4w/JvAbsPLbXNRPJXPihSyBrzh4hRk2k6Sq66yBIk9qOKoV4dgQJnAkTrvoNMfSVPjVCd9yYQcShZOOw4/g/zQM1RJA0uf8N4V8hmQ3/gFr8M2QRLdnYl8f99XkFS5099SZKZ36E2zWeYK9nMwepGhtlTEuQoI0y7FWm1p8+r33vt2Sol1EuG+A0EC5r/qJAwB78Dac0JChbWaPrj1ZqBhnBP57bh8Zq3Vx+4s6IBqg8HCRn6jhxjng/ql20ppviC9Xxa9hpFiT2drszFcbMhq4IlQLkXBD7SILvDGlmwIDAQAB",
    },
  },
  hostAliases: [{ name: "netauth", host: "i-hel-fi" satisfies VoidHostName }],
  verifications: [{ name: "_github-challenge-void-linux", text: "3dc3629c19" }],
  mirrorPrefix: "repo-",
  mirrors: [
    { code: "fi", host: "d-hel-fi" satisfies VoidHostName },
    { code: "de", host: "a-fra-de" satisfies VoidHostName },
    // Listed as Kansas City but served from Helsinki and not synchronised: disabled, so a warning.
    { code: "us", host: "b-hel-fi" satisfies VoidHostName },
    // Points at the Fastly edge named in estate/fastly.ts.
    { code: "fastly", cdn: true },
  ],
  mirrorAliases: { default: "fi", ci: "fi", sync: "fi" },
} as const satisfies DnsEstate;
