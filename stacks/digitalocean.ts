import { DigitaloceanProvider } from "@cdktf/provider-digitalocean/lib/provider";
import { SpacesBucket } from "@cdktf/provider-digitalocean/lib/spaces-bucket";
import { type Construct, TerraformStack } from "../constructs/cdktf";
import { acmeChallengeName } from "../constructs/cdn";
import { DnsZone, terraformId, withoutTrailingDot } from "../constructs/dns";
import { DigitalOceanProject, DigitalOceanSshKey, DigitalOceanVpc, Host } from "../constructs/host";
import { Mirror } from "../constructs/mirror";
import { ProxyTier, PublishedService } from "../constructs/proxy";
import { claimLogicalId } from "../constructs/terraform/logical-id";
import { addStateMigration, legacyMoves } from "../constructs/terraform/state-migration";
import { check, ValidationError } from "../constructs/validation";
import { legacyDigitalOceanAddress } from "../estate/digitalocean-legacy";
import type { DnsEstate } from "../estate/dns";
import type { CdnFrontSpec } from "../estate/fastly";
import type { HostsEstate } from "../estate/hosts";
import type { ServicesEstate } from "../estate/services";
import { configureState, type StateSettings } from "../lib/backend";
import { type MirrorEntry, mirrorCountry } from "../lib/mirrors";
import { didYouMean } from "../lib/suggest";

export interface DigitalOceanStackProps {
  readonly dns: DnsEstate;
  readonly hosts: HostsEstate;
  readonly services: ServicesEstate;
  /** The CDN front whose edge the CDN mirror points at and whose ACME challenge lives in the zone. */
  readonly cdn: CdnFrontSpec;
  /** The validated mirror list (estate/mirrors.yaml): region, location and state of the org's own mirrors. */
  readonly mirrorList: readonly MirrorEntry[];
  readonly state: StateSettings;
}

/**
 * The DigitalOcean root: the zone with every record, and the machines Terraform creates as droplets
 * with their VPC, SSH keys, project and the custom-image Spaces bucket.
 */
export class DigitalOceanStack extends TerraformStack {
  readonly zone: DnsZone;
  readonly hosts: ReadonlyMap<string, Host>;
  readonly tiers: ReadonlyMap<string, ProxyTier>;
  readonly mirrors: readonly Mirror[];

  constructor(scope: Construct, id: string, props: DigitalOceanStackProps) {
    super(scope, id);
    const { dns, hosts: machines, services, cdn } = props;
    configureState(this, props.state);
    const provider = new DigitaloceanProvider(this, "digitalocean", {});
    // Pin exactly the provider release the typed bindings were generated from.
    const version = provider.terraformGeneratorMetadata?.providerVersion;
    if (version) this.addOverride("terraform.required_providers.digitalocean.version", version);

    const zone = new DnsZone(this, "zone", { zoneName: dns.zone });
    this.zone = zone;

    const account = machines.digitalocean;
    const vpc = new DigitalOceanVpc(this, "vpc", account.vpc);
    const sshKeys = account.sshKeys.map((key) => new DigitalOceanSshKey(this, `ssh-key-${key.name}`, key));
    const project = new DigitalOceanProject(this, "project", account.project);
    const bucket = new SpacesBucket(this, "image-bucket", account.imageBucket);
    claimLogicalId(bucket, terraformId("spaces_bucket", account.imageBucket.name), {
      owner: this,
      what: "image bucket",
    });
    project.addResource(bucket.urn);

    const hosts = new Map<string, Host>();
    for (const [name, spec] of Object.entries(machines.machines)) {
      const host = new Host(this, name, {
        zone,
        name,
        subdomain: machines.subdomain,
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
    const host = (name: string, where: string) => lookup(this, hosts, name, `${where}: host`);
    project.addResource(zone.urn);

    // Apex: the website on GitHub Pages, mail on the mail host.
    const pages = dns.githubPages;
    const mailHost = host(dns.mail.host, "mail");
    zone
      .a("@", pages.ipv4)
      .aaaa("@", pages.ipv6)
      .mx("@", { priority: dns.mail.mxPriority, target: mailHost })
      .txt("@", `v=spf1 mx a:${withoutTrailingDot(mailHost.fqdn)} ~all`);

    const tiers = new Map<string, ProxyTier>();
    for (const [name, spec] of Object.entries(services.tiers)) {
      tiers.set(
        name,
        new ProxyTier(this, name, {
          zone,
          name,
          members: spec.members.map((member) => host(member, `proxy tier ${name}`)),
          ipv6: spec.ipv6,
          wildcards: spec.wildcards,
        }),
      );
    }
    this.tiers = tiers;
    const tier = (name: string, where: string) => lookup(this, tiers, name, `${where}: proxy tier`);
    for (const service of services.proxied) {
      const label = service.service ?? service.job;
      new PublishedService(this, `service-${label}`, {
        tier: tier(service.tier, `service ${label}`),
        names: service.names,
        pinnedTo: service.pinnedTo ? host(service.pinnedTo, `service ${label}`) : undefined,
      });
    }
    for (const fragment of services.fragments) {
      new PublishedService(this, `ui-${fragment.name}`, {
        tier: tier(fragment.tier, `fragment ${fragment.name}`),
        names: [fragment.name],
      });
    }

    zone.cname(dns.mail.alias, mailHost);
    for (const alias of dns.hostAliases) zone.cname(alias.name, host(alias.host, `alias ${alias.name}`));
    for (const name of pages.aNames) zone.a(name, pages.ipv4);
    for (const name of pages.sites) zone.cname(name, pages.target);

    this.mirrors = this.addMirrors(zone, props, (name) => host(name, "mirror"));

    // The CDN's traffic CNAME is the CDN mirror's own record; its ACME challenges live here too.
    for (const { name } of cdn.domains) {
      const target = cdn.challengeTargets?.[name];
      check(this, target, `CDN domain ${name} has no challenge target (expected it in challengeTargets)`);
      zone.cname(acmeChallengeName(name), target);
    }
    for (const verification of dns.verifications) zone.txt(verification.name, verification.text);
    zone.txt("_dmarc", dns.mail.dmarc);
    zone.txt(`${dns.mail.dkim.selector}._domainkey`, dns.mail.dkim.record);
    addStateMigration(this, { moved: legacyMoves(this, legacyDigitalOceanAddress) });
  }

  private addMirrors(zone: DnsZone, props: DigitalOceanStackProps, host: (name: string) => Host): Mirror[] {
    const { dns, hosts, cdn, mirrorList } = props;
    const synced = hosts.mirrorSyncHosts.map(host);
    const mirrors = dns.mirrors.map((spec) => {
      const baseUrl = `https://${dns.mirrorPrefix}${spec.code}.${dns.zone}/`;
      const entry = mirrorList.find((e) => e.baseUrl === baseUrl);
      if (!entry)
        throw new ValidationError(
          this,
          `mirror ${baseUrl} is not in the mirror list (expected a tier-1 entry)`,
        );
      return new Mirror(this, `mirror-${spec.code}`, {
        zone,
        code: spec.code,
        namePrefix: dns.mirrorPrefix,
        target: "host" in spec ? host(spec.host) : cdn.edgeTarget,
        region: entry.region,
        location: entry.location,
        enabled: entry.enabled,
        country: mirrorCountry(entry)?.code,
        syncedHosts: synced,
      });
    });
    for (const [alias, code] of Object.entries(dns.mirrorAliases)) {
      const name = `${dns.mirrorPrefix}${code}`;
      const mirror = mirrors.find((m) => m.name === name);
      if (!mirror)
        throw new ValidationError(this, `alias ${dns.mirrorPrefix}${alias} points at unknown mirror ${name}`);
      mirror.addAlias(`${dns.mirrorPrefix}${alias}`);
    }
    return mirrors;
  }
}

/** The entry called `name`, or a ValidationError that names the reference and the known names. */
function lookup<T>(scope: Construct, map: ReadonlyMap<string, T>, name: string, what: string): T {
  const found = map.get(name);
  if (found !== undefined) return found;
  const known = [...map.keys()];
  throw new ValidationError(
    scope,
    `${what} "${name}" is not declared${didYouMean(name, known)} (expected one of: ${known.join(", ")})`,
  );
}
