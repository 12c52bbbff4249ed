import type { CdnFrontProps } from "@void-linux/infra-constructs/cdn";

/** A CDN front as data: everything but the zone and provider objects the stack supplies. */
export type CdnFrontSpec = Omit<CdnFrontProps, "zone" | "provider">;

/**
 * Void's Fastly CDN: repo-fastly.voidlinux.org, a World-region tier-1 mirror served by Fastly from
 * the Helsinki mirror (repo-fi), shielded in Helsinki, with a Let's Encrypt certificate managed by
 * Fastly. The API key comes from FASTLY_API_KEY at plan time. It stays TypeScript: its VCL snippets
 * are code that runs at Fastly's edge, so changing them is a code change, planned after merge.
 */

export const FASTLY: CdnFrontSpec = {
  serviceName: "main_repo",
  domains: [{ name: "repo-fastly.voidlinux.org", comment: "Main Repository" }],
  origins: [
    {
      name: "primary-origin",
      address: "repo-fi.voidlinux.org",
      port: 443,
      tls: true,
      shield: "hel-helsinki-fi",
    },
  ],
  snippets: [
    {
      name: "Enable segment caching for XBPS pool",
      type: "recv",
      priority: 60,
      // Package files worth segmenting: compressed repodata and tarballs, binary packages, ISO
      // images. Fixed: the original test was the character class `[.gz|.xz|.xbps|.iso]`, which
      // matched any path ending in one of the characters `. g z | x b p s i o`.
      content:
        'if (req.url.path ~ "\\.(gz|xz|xbps|iso)$") {\n  set req.enable_segmented_caching = true;\n}\n',
    },
    {
      name: "Enable streaming-miss",
      type: "fetch",
      content: "set beresp.do_stream = true;",
    },
  ],
  cacheSettings: [{ name: "max-ttl", ttl: 2_592_000 }], // 30 days
  edgeTarget: "dualstack.n.sni.global.fastly.net.",
  certificateAuthority: "lets-encrypt",
  // Issued by Fastly for the subscription (one per domain). The record lives in the digitalocean
  // stack's zone, so the value is written here rather than read from the subscription across stacks.
  challengeTargets: { "repo-fastly.voidlinux.org": "q355elndt9ih044oyf.fastly-validations.com." },
};
