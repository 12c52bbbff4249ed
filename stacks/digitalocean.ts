import { DigitaloceanProvider } from "@cdktf/provider-digitalocean/lib/provider";
import { SpacesBucket } from "@cdktf/provider-digitalocean/lib/spaces-bucket";
import { type Construct, TerraformStack } from "../constructs/cdktf";
import { DnsZone, terraformId, withoutTrailingDot } from "../constructs/dns";
import { DigitalOceanProject, DigitalOceanSshKey, DigitalOceanVpc, Host } from "../constructs/host";
import { Mirror } from "../constructs/mirror";
import { ProxyTier, PublishedService } from "../constructs/proxy";
import { claimLogicalId } from "../constructs/terraform/logical-id";
import { addStateMigration, legacyMoves } from "../constructs/terraform/state-migration";
import { ValidationError } from "../constructs/validation";
import { legacyDigitalOceanAddress } from "../estate/digitalocean-legacy";
import {
  GITHUB_PAGES,
  GITHUB_PAGES_A,
  GITHUB_PAGES_SITES,
  HOST_ALIASES,
  MAIL,
  MIRROR_ALIASES,
  VERIFICATIONS,
  VOID_MIRRORS,
  VOID_ZONE,
} from "../estate/dns";
import { REPO_FASTLY, REPO_FASTLY_DNS_RECORDS } from "../estate/fastly";
import {
  DIGITALOCEAN,
  MACHINE_SUBDOMAIN,
  MIRROR_SYNC_HOSTS,
  VOID_HOSTS,
  type VoidHostName,
  type VoidHostSpec,
} from "../estate/hosts";
import { HASHI_UIS, PROXIED_SERVICES, PROXY_TIERS, type ProxyTierName } from "../estate/services";
import { TERRASTATE_BASE_URL } from "../estate/state";
import { configureState } from "../lib/backend";
import { type MirrorEntry, mirrorCountry } from "../lib/mirrors";

export interface DigitalOceanStackProps {
  /** The validated mirror list (estate/mirrors.yaml): region, location and state of Void's own mirrors. */
  readonly mirrorList: readonly MirrorEntry[];
}

/**
 * Void's DigitalOcean root: the voidlinux.org zone with every record, and the one droplet
 * (a-sfo3-us) with its VPC, SSH key, project and the custom-image Spaces bucket.
 */
export class DigitalOceanStack extends TerraformStack {
  readonly zone: DnsZone;
  readonly hosts: ReadonlyMap<VoidHostName, Host>;
  readonly tiers: ReadonlyMap<ProxyTierName, ProxyTier>;
  readonly mirrors: readonly Mirror[];

  constructor(scope: Construct, id: string, props: DigitalOceanStackProps) {
    super(scope, id);
    configureState(this, { key: "prod/digitalocean", httpBaseUrl: TERRASTATE_BASE_URL });
    const provider = new DigitaloceanProvider(this, "digitalocean", {});
    // Pin exactly the provider release the typed bindings were generated from.
    const version = provider.terraformGeneratorMetadata?.providerVersion;
    if (version) this.addOverride("terraform.required_providers.digitalocean.version", version);

    const zone = new DnsZone(this, "zone", { zoneName: VOID_ZONE });
    this.zone = zone;

    const vpc = new DigitalOceanVpc(this, "vpc", DIGITALOCEAN.vpc);
    const sshKeys = DIGITALOCEAN.sshKeys.map(
      (key) => new DigitalOceanSshKey(this, `ssh-key-${key.name}`, key),
    );
    const project = new DigitalOceanProject(this, "project", DIGITALOCEAN.project);
    const bucket = new SpacesBucket(this, "image-bucket", DIGITALOCEAN.imageBucket);
    claimLogicalId(bucket, terraformId("spaces_bucket", DIGITALOCEAN.imageBucket.name), {
      owner: this,
      what: "image bucket",
    });
    project.addResource(bucket.urn);

    const hosts = new Map<VoidHostName, Host>();
    for (const [name, spec] of Object.entries(VOID_HOSTS) as [VoidHostName, VoidHostSpec][]) {
      const host = new Host(this, name, {
        zone,
        name,
        subdomain: MACHINE_SUBDOMAIN,
        roles: spec.roles,
        meshAddress: spec.mesh,
        provider: spec.droplet
          ? { kind: "digitalocean", ...spec.droplet, vpc, sshKeys, project }
          : { kind: "existing", ipv4: spec.ipv4, ipv6: spec.ipv6 },
      });
      for (const [label, guest] of Object.entries(spec.guests ?? {})) host.addGuest(label, guest);
      hosts.set(name, host);
    }
    this.hosts = hosts;
    const host = (name: VoidHostName) => hosts.get(name) as Host;
    project.addResource(zone.urn);

    // Apex: the website on GitHub Pages, mail on the mail host.
    const mailHost = host(MAIL.host);
    zone
      .a("@", GITHUB_PAGES.ipv4)
      .aaaa("@", GITHUB_PAGES.ipv6)
      .mx("@", { priority: MAIL.mxPriority, target: mailHost })
      .txt("@", `v=spf1 mx a:${withoutTrailingDot(mailHost.fqdn)} ~all`);

    const tiers = new Map<ProxyTierName, ProxyTier>();
    for (const [name, spec] of Object.entries(PROXY_TIERS) as [
      ProxyTierName,
      (typeof PROXY_TIERS)[ProxyTierName],
    ][]) {
      tiers.set(
        name,
        new ProxyTier(this, name, {
          zone,
          name,
          members: spec.members.map(host),
          ipv6: spec.ipv6,
          wildcards: spec.wildcards,
        }),
      );
    }
    this.tiers = tiers;
    for (const service of PROXIED_SERVICES) {
      new PublishedService(this, `service-${service.service ?? service.job}`, {
        tier: tiers.get(service.tier) as ProxyTier,
        names: service.names,
        pinnedTo: service.pinnedTo ? host(service.pinnedTo) : undefined,
      });
    }
    for (const ui of HASHI_UIS) {
      new PublishedService(this, `ui-${ui.name}`, {
        tier: tiers.get(ui.tier) as ProxyTier,
        names: [ui.name],
      });
    }

    zone.cname(MAIL.alias, mailHost);
    for (const alias of HOST_ALIASES) zone.cname(alias.name, host(alias.host));
    for (const name of GITHUB_PAGES_A) zone.a(name, GITHUB_PAGES.ipv4);
    for (const name of GITHUB_PAGES_SITES) zone.cname(name, GITHUB_PAGES.target);

    this.mirrors = this.addMirrors(zone, host, props.mirrorList);

    for (const record of REPO_FASTLY_DNS_RECORDS) {
      // The traffic CNAME is the repo-fastly mirror's own record.
      if (record.purpose === "acme-challenge") zone.cname(record.name, record.target);
    }
    for (const verification of VERIFICATIONS) zone.txt(verification.name, verification.text);
    zone.txt("_dmarc", MAIL.dmarc);
    zone.txt(`${MAIL.dkim.selector}._domainkey`, MAIL.dkim.record);
    addStateMigration(this, { moved: legacyMoves(this, legacyDigitalOceanAddress) });
  }

  private addMirrors(
    zone: DnsZone,
    host: (name: VoidHostName) => Host,
    list: readonly MirrorEntry[],
  ): Mirror[] {
    const synced = MIRROR_SYNC_HOSTS.map(host);
    const mirrors = VOID_MIRRORS.map((spec) => {
      const baseUrl = `https://repo-${spec.code}.${VOID_ZONE}/`;
      const entry = list.find((e) => e.baseUrl === baseUrl);
      if (!entry)
        throw new ValidationError(
          this,
          `mirror ${baseUrl} is not in the mirror list (expected a tier-1 entry)`,
        );
      return new Mirror(this, `mirror-${spec.code}`, {
        zone,
        code: spec.code,
        target: "host" in spec ? host(spec.host) : REPO_FASTLY.edgeTarget,
        region: entry.region,
        location: entry.location,
        enabled: entry.enabled,
        country: mirrorCountry(entry)?.code,
        syncedHosts: synced,
      });
    });
    for (const [alias, code] of Object.entries(MIRROR_ALIASES)) {
      const mirror = mirrors.find((m) => m.name === `repo-${code}`);
      if (!mirror)
        throw new ValidationError(this, `alias repo-${alias} points at unknown mirror repo-${code}`);
      mirror.addAlias(`repo-${alias}`);
    }
    return mirrors;
  }
}
