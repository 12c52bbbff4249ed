import type { StateMigration } from "@void-linux/infra-constructs/terraform";
import type { DigitalOceanStack } from "../stacks/digitalocean";
import { move, movesByName, resourcesOf } from "./move";

/**
 * Void's records in its hand-written `terraform/do` root: address, name, type and value.
 */
const LEGACY_RECORDS: readonly (readonly [address: string, name: string, type: string, value?: string])[] = [
  ["digitalocean_record.apex_www", "@", "A", "185.199.109.153"],
  ["digitalocean_record.apex_www_v6", "@", "AAAA", "2606:50c0:8000::153"],
  ["digitalocean_record.apex_mx", "@", "MX", "c-hel-fi.m.voidlinux.org."],
  ["digitalocean_record.apex_txt", "@", "TXT", "v=spf1 mx a:c-hel-fi.m.voidlinux.org ~all"],
  ['digitalocean_record.omniproxy["135.181.160.58"]', "omniproxy", "A", "135.181.160.58"],
  ['digitalocean_record.omniproxy["212.83.43.28"]', "omniproxy", "A", "212.83.43.28"],
  ['digitalocean_record.omniproxy_v6["2a01:4f9:3a:17d7::2"]', "omniproxy", "AAAA", "2a01:4f9:3a:17d7::2"],
  ['digitalocean_record.omniproxy_v6["2a00:f48:2000:1031::3"]', "omniproxy", "AAAA", "2a00:f48:2000:1031::3"],
  ["digitalocean_record.catchall", "*.s", "CNAME", "omniproxy.voidlinux.org."],
  ["digitalocean_record.catchall_apex", "*", "CNAME", "omniproxy.voidlinux.org."],
  ['digitalocean_record.control_proxy["95.216.161.173"]', "cproxy", "A", "95.216.161.173"],
  ['digitalocean_record.control_proxy["65.21.149.215"]', "cproxy", "A", "65.21.149.215"],
  ['digitalocean_record.control_proxy["95.217.130.28"]', "cproxy", "A", "95.217.130.28"],
  ['digitalocean_record.control_pointer["nomad"]', "nomad", "CNAME", "cproxy.voidlinux.org."],
  ['digitalocean_record.control_pointer["consul"]', "consul", "CNAME", "cproxy.voidlinux.org."],
  ['digitalocean_record.control_pointer["vault"]', "vault", "CNAME", "cproxy.voidlinux.org."],
  ["digitalocean_record.a_hel_fi", "a-hel-fi.m", "A", "95.216.76.97"],
  ["digitalocean_record.a_hel_fi_v6", "a-hel-fi.m", "AAAA", "2a01:4f9:2b:c9e::2"],
  ["digitalocean_record.b_hel_fi", "b-hel-fi.m", "A", "65.21.160.177"],
  ["digitalocean_record.b_hel_fi_v6", "b-hel-fi.m", "AAAA", "2a01:4f9:4b:42dc::d01"],
  ["digitalocean_record.c_hel_fi", "c-hel-fi.m", "A", "95.217.132.25"],
  ["digitalocean_record.c_hel_fi_v6", "c-hel-fi.m", "AAAA", "2a01:4f9:c012:498a::2"],
  ["digitalocean_record.d_hel_fi", "d-hel-fi.m", "A", "135.181.160.58"],
  ["digitalocean_record.d_hel_fi_v6", "d-hel-fi.m", "AAAA", "2a01:4f9:3a:17d7::2"],
  ["digitalocean_record.e_hel_fi", "e-hel-fi.m", "A", "95.216.161.173"],
  ["digitalocean_record.e_hel_fi_v6", "e-hel-fi.m", "AAAA", "2a01:4f9:c010:ddfd::2"],
  ["digitalocean_record.f_hel_fi", "f-hel-fi.m", "A", "65.21.149.215"],
  ["digitalocean_record.f_hel_fi_v6", "f-hel-fi.m", "AAAA", "2a01:4f9:c012:7a9e::2"],
  ["digitalocean_record.g_hel_fi", "g-hel-fi.m", "A", "95.217.130.28"],
  ["digitalocean_record.g_hel_fi_v6", "g-hel-fi.m", "AAAA", "2a01:4f9:c012:65::2"],
  ["digitalocean_record.h_hel_fi", "h-hel-fi.m", "A", "65.21.145.134"],
  ["digitalocean_record.h_hel_fi_v6", "h-hel-fi.m", "AAAA", "2a01:4f9:c012:8db::2"],
  ["digitalocean_record.i_hel_fi", "i-hel-fi.m", "A", "95.216.191.60"],
  ["digitalocean_record.i_hel_fi_v6", "i-hel-fi.m", "AAAA", "2a01:4f9:c012:be3::2"],
  ["digitalocean_record.j_hel_fi", "j-hel-fi.m", "A", "95.216.203.66"],
  ["digitalocean_record.j_hel_fi_v6", "j-hel-fi.m", "AAAA", "2a01:4f9:c013:c508::2"],
  ["digitalocean_record.a_fra_de", "a-fra-de.m", "A", "212.83.43.28"],
  ["digitalocean_record.a_fra_de_v6", "a-fra-de.m", "AAAA", "2a00:f48:2000:1031::3"],
  ["digitalocean_record.a_fsn_de", "a-fsn-de.m", "A", "138.201.204.130"],
  ["digitalocean_record.a_fsn_de_v6", "a-fsn-de.m", "AAAA", "2a01:4f8:173:1481::2"],
  ["digitalocean_record.b_fsn_de", "b-fsn-de.m", "A", "168.119.90.174"],
  ["digitalocean_record.b_fsn_de_v6", "b-fsn-de.m", "AAAA", "2a01:4f8:251:5391:5054:ff:fe89:6714"],
  ["digitalocean_record.a_lej_de", "a-lej-de.m", "A", "136.243.133.13"],
  ["digitalocean_record.vm3_a_lej_de", "vm3.a-lej-de.m", "A", "148.251.199.113"],
  ["digitalocean_record.b_lej_de", "b-lej-de.m", "A", "78.46.212.193"],
  ["digitalocean_record.a_sfo3_us", "a-sfo3-us.m", "A"],
  ["digitalocean_record.a_sea_us", "a-sea-us.m", "A", "199.255.18.172"],
  ["digitalocean_record.devspace", "devspace", "CNAME", "d-hel-fi.m.voidlinux.org."],
  ["digitalocean_record.devspace_sftp", "devspace-sftp", "CNAME", "d-hel-fi.m.voidlinux.org."],
  ["digitalocean_record.mx1", "mx1", "CNAME", "c-hel-fi.m.voidlinux.org."],
  ["digitalocean_record.netauth", "netauth", "CNAME", "i-hel-fi.m.voidlinux.org."],
  ["digitalocean_record.popcorn", "popcorn", "CNAME", "d-hel-fi.m.voidlinux.org."],
  ["digitalocean_record.www", "www", "A", "185.199.109.153"],
  ["digitalocean_record.xbps_api_docs", "xbps-api-docs", "CNAME", "void-linux.github.io."],
  ["digitalocean_record.xmirror", "xmirror", "CNAME", "void-linux.github.io."],
  ["digitalocean_record.repo_default", "repo-default", "CNAME", "repo-fi.voidlinux.org."],
  ["digitalocean_record.repo_ci", "repo-ci", "CNAME", "repo-fi.voidlinux.org."],
  ["digitalocean_record.repo_sync", "repo-sync", "CNAME", "repo-fi.voidlinux.org."],
  ["digitalocean_record.repo_de", "repo-de", "CNAME", "a-fra-de.m.voidlinux.org."],
  ["digitalocean_record.repo_fi", "repo-fi", "CNAME", "d-hel-fi.m.voidlinux.org."],
  ["digitalocean_record.repo_us", "repo-us", "CNAME", "b-hel-fi.m.voidlinux.org."],
  ["digitalocean_record.repo_fastly", "repo-fastly", "CNAME", "dualstack.n.sni.global.fastly.net."],
  ["digitalocean_record.verification_github", "_github-challenge-void-linux", "TXT", "3dc3629c19"],
  [
    "digitalocean_record.verification_fastly",
    "_acme-challenge.repo-fastly",
    "CNAME",
    "q355elndt9ih044oyf.fastly-validations.com.",
  ],
  [
    "digitalocean_record._dmarc",
    "_dmarc",
    "TXT",
    "v=DMARC1; p=quarantine; ruf=mailto:postmaster@voidlinux.org",
  ],
  [
    "digitalocean_record.__dkim",
    "default._domainkey",
    "TXT",
    "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgfWwtFQp4PzJSXCIkPvaID+PiiZhloR0u/A5XylUQfmR4w/JvAbsPLbXNRPJXPihSyBrzh4hRk2k6Sq66yBIk9qOKoV4dgQJnAkTrvoNMfSVPjVCd9yYQcShZOOw4/g/zQM1RJA0uf8N4V8hmQ3/gFr8M2QRLdnYl8f99XkFS5099SZKZ36E2zWeYK9nMwepGhtlTEuQoI0y7FWm1p8+r33vt2Sol1EuG+A0EC5r/qJAwB78Dac0JChbWaPrj1ZqBhnBP57bh8Zq3Vx+4s6IBqg8HCRn6jhxjng/ql20ppviC9Xxa9hpFiT2drszFcbMhq4IlQLkXBD7SILvDGlmwIDAQAB",
  ],
];

const key = (name: string, type: string, value?: string) => `${name} ${type} ${value ?? ""}`;
const RECORDS_BY_KEY = new Map(
  LEGACY_RECORDS.map(([address, name, type, value]) => [key(name, type, value), address]),
);

/** Void's SSH keys, by key name. */
const LEGACY_SSH_KEYS: Readonly<Record<string, string>> = { maldridge1: "maldridge1" };

/**
 * Moves Void's domain, records, droplet, VPC, SSH keys, project and image bucket to this code's
 * addresses. A record whose value is known at synth matches on (name, type, value); the droplet's
 * own A record, whose value comes from the droplet, on (name, type).
 */
export function digitalOceanMigration(stack: DigitalOceanStack): StateMigration {
  const { zone, account, hosts } = stack;
  const records = zone.records.flatMap(({ name, type, value, resource }) => {
    const from = RECORDS_BY_KEY.get(key(name, type, value)) ?? RECORDS_BY_KEY.get(key(name, type));
    return from === undefined ? [] : move(from, resource);
  });
  return {
    moved: [
      ...move("digitalocean_domain.voidlinux_org", zone.backend.domain),
      ...move("digitalocean_droplet.a_sfo3_us", hosts.get("a-sfo3-us")?.machine),
      ...move("digitalocean_vpc.main", account.vpc.resource),
      ...move("digitalocean_project.void_prod", account.project.project),
      ...move("digitalocean_project_resources.void", account.project.members),
      ...move("digitalocean_spaces_bucket.custom_images", account.imageBucket),
      ...movesByName(LEGACY_SSH_KEYS, resourcesOf(new Map(account.sshKeys.map((k) => [k.name, k])))),
      ...records,
    ],
  };
}
