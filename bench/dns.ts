/**
 * Scale benchmark for the DNS constructs: a generated zone of 5,000 records plus 500 hosts (each
 * with A and AAAA, so 6,000 record resources), a proxy tier over 50 of the hosts, synthesized into
 * a temporary directory. `npm run bench` runs it in a child process and reports wall time and peak
 * RSS (target: under 4 s and 600 MB).
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DigitaloceanProvider } from "@cdktf/provider-digitalocean/lib/provider";
import { App, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { DnsZone } from "@void-linux/infra-constructs/dns";
import { digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { existingMachine, Host } from "@void-linux/infra-constructs/host";
import { ProxyTier } from "@void-linux/infra-constructs/proxy";
import { loadEstate } from "../inputs/estate";

export const BENCH_RECORDS = 5_000;
export const BENCH_HOSTS = 500;

const SITES = ["hel", "fra", "lej", "sea", "sfo3", "ams", "nrt", "gru", "syd", "jnb"];
const COUNTRIES = ["fi", "de", "de", "us", "us", "nl", "jp", "br", "au", "za"];

/** Void's naming convention, as its data file holds it, so every host name is checked and parsed. */
const NAMING = loadEstate(join(__dirname, "..")).hosts.naming;

export function benchDns(): void {
  const outdir = mkdtempSync(join(tmpdir(), "bench-dns-"));
  try {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "dns");
    new DigitaloceanProvider(stack, "digitalocean", {});
    const zone = new DnsZone(stack, "zone", { zoneName: "bench.example.org", backend: digitalOceanDns() });

    const hosts: Host[] = [];
    for (let i = 0; i < BENCH_HOSTS; i++) {
      const site = i % SITES.length;
      const letter = String.fromCharCode(97 + (Math.floor(i / SITES.length) % 26));
      const name = `${letter}-${SITES[site]}${Math.floor(i / (SITES.length * 26)) || ""}-${COUNTRIES[site]}`;
      hosts.push(
        new Host(stack, name, {
          zone,
          name,
          subdomain: "m",
          naming: NAMING,
          machine: existingMachine({
            ipv4: `10.${i >> 8}.${i & 255}.1`,
            ipv6: `2001:db8:${i.toString(16)}::1`,
          }),
        }),
      );
    }
    new ProxyTier(stack, "proxy", {
      zone,
      name: "proxy",
      members: hosts.slice(0, 50),
      wildcards: ["s", "@"],
    });

    // Generated records: a quarter each of A, CNAME to a host, TXT, and MX.
    for (let i = 0; i < BENCH_RECORDS; i++) {
      const name = `svc${i}.gen`;
      const host = hosts[i % hosts.length] as Host;
      switch (i % 4) {
        case 0:
          zone.a(name, `10.200.${(i >> 8) & 255}.${i & 255}`);
          break;
        case 1:
          zone.cname(name, host);
          break;
        case 2:
          zone.txt(name, `generated record ${i} ${"x".repeat(i % 300)}`);
          break;
        default:
          zone.mx(name, { priority: i % 100, target: host });
      }
    }
    app.synth();
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
