/**
 * Void's own DNS data for voidlinux.org (void-estate.md section 3), apart from what other estate
 * files already describe: machines (hosts.ts), proxy tiers and service names (services.ts), the
 * Fastly front (fastly.ts). Every name here is relative to the zone; hosts are referred to by
 * their typed names, so a typo fails to compile.
 */
import type { VoidHostName } from "./hosts";

export const VOID_ZONE = "voidlinux.org";

/** GitHub Pages serves the apex site and the project pages. */
export const GITHUB_PAGES = {
  ipv4: "185.199.109.153",
  ipv6: "2606:50c0:8000::153",
  /** Target of project-page CNAMEs. */
  target: "void-linux.github.io.",
} as const;

/** Names under the zone that are GitHub Pages project sites (CNAME to {@link GITHUB_PAGES}). */
export const GITHUB_PAGES_SITES: readonly string[] = ["xbps-api-docs", "xmirror"];

/** Names answered by GitHub Pages' IPv4 address directly (A only). */
export const GITHUB_PAGES_A: readonly string[] = ["www"];

/** Mail: MX and SPF name the mail host; `mx1` is its service alias. */
export const MAIL = {
  host: "c-hel-fi" satisfies VoidHostName,
  mxPriority: 10,
  alias: "mx1",
  dmarc: "v=DMARC1; p=quarantine; ruf=mailto:postmaster@voidlinux.org",
  dkim: {
    selector: "default",
    record:
      "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgfWwtFQp4PzJSXCIkPvaID+PiiZhloR0u/A5XylUQfmR4w/JvAbsPLbXNRPJXPihSyBrzh4hRk2k6Sq66yBIk9qOKoV4dgQJnAkTrvoNMfSVPjVCd9yYQcShZOOw4/g/zQM1RJA0uf8N4V8hmQ3/gFr8M2QRLdnYl8f99XkFS5099SZKZ36E2zWeYK9nMwepGhtlTEuQoI0y7FWm1p8+r33vt2Sol1EuG+A0EC5r/qJAwB78Dac0JChbWaPrj1ZqBhnBP57bh8Zq3Vx+4s6IBqg8HCRn6jhxjng/ql20ppviC9Xxa9hpFiT2drszFcbMhq4IlQLkXBD7SILvDGlmwIDAQAB",
  },
} as const;

/** Service names that point at one machine directly (not through a proxy tier). */
export const HOST_ALIASES: readonly { readonly name: string; readonly host: VoidHostName }[] = [
  { name: "netauth", host: "i-hel-fi" },
];

/** Ownership challenges published as TXT records. */
export const VERIFICATIONS: readonly { readonly name: string; readonly text: string }[] = [
  { name: "_github-challenge-void-linux", text: "3dc3629c19" },
];

/**
 * Void's first-tier mirrors as DNS sees them: `repo-<code>` pointing at a host or at the CDN.
 * Region, location and enabled come from estate/mirrors.yaml (the same list xmirror publishes).
 */
export const VOID_MIRRORS: readonly ({ readonly code: string } & (
  | { readonly host: VoidHostName }
  | { readonly cdn: true }
))[] = [
  { code: "fi", host: "d-hel-fi" },
  { code: "de", host: "a-fra-de" },
  // Listed as Kansas City but served from Helsinki and not synchronised: disabled, so a warning.
  { code: "us", host: "b-hel-fi" },
  // Points at the Fastly edge named in estate/fastly.ts.
  { code: "fastly", cdn: true },
];

/** Repointable aliases `repo-<alias>` → `repo-<mirror code>`. */
export const MIRROR_ALIASES: Readonly<Record<string, string>> = {
  default: "fi",
  ci: "fi",
  sync: "fi",
};
