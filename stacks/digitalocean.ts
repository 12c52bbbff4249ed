import { DigitaloceanProvider } from "@cdktf/provider-digitalocean/lib/provider";
import { SpacesBucket } from "@cdktf/provider-digitalocean/lib/spaces-bucket";
import { type Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { acmeChallengeName } from "@void-linux/infra-constructs/cdn";
import { check, findDeclared, ValidationError } from "@void-linux/infra-constructs/core";
import { DnsZone, terraformId, withoutTrailingDot } from "@void-linux/infra-constructs/dns";
import { type DigitalOceanZoneBackend, digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { existingMachine, Host } from "@void-linux/infra-constructs/host";
import {
  DigitalOceanProject,
  DigitalOceanSshKey,
  DigitalOceanVpc,
  digitalOceanDroplet,
} from "@void-linux/infra-constructs/host/digitalocean";
import { Mirror } from "@void-linux/infra-constructs/mirror";
import { ProxyTier, PublishedService } from "@void-linux/infra-constructs/proxy";
import { claimLogicalId, configureState, type StateSettings } from "@void-linux/infra-constructs/terraform";
import type { CdnFrontSpec } from "../estate/fastly";
import { type DnsEstate, type HostsEstate, machineLocation, type ServicesEstate } from "../inputs/estate";
import { type MirrorEntry, mirrorCountry } from "../inputs/mirrors";

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

/** The account-wide pieces droplets share. */
export interface DigitalOceanAccount {
  readonly vpc: DigitalOceanVpc;
  readonly sshKeys: readonly DigitalOceanSshKey[];
  readonly project: DigitalOceanProject;
  readonly imageBucket: SpacesBucket;
}

/**
 * The DigitalOcean root: the zone with every record, and the machines Terraform creates as droplets
 * with their VPC, SSH keys, project and the custom-image Spaces bucket.
 */
export class DigitalOceanStack extends TerraformStack {
  readonly zone: DnsZone<DigitalOceanZoneBackend>;
  readonly account: DigitalOceanAccount;
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

    const zone = new DnsZone(this, "zone", { zoneName: dns.zone, backend: digitalOceanDns() });
    this.zone = zone;
    this.account = this.addAccount(machines);
    const { vpc, sshKeys, project } = this.account;

    const hosts = new Map<string, Host>();
    for (const [name, spec] of Object.entries(machines.machines)) {
      const host = new Host(this, name, {
        zone,
        name,
        naming: machines.naming,
        ...machineLocation(name, machines.naming),
        subdomain: machines.subdomain,
        roles: spec.roles,
        meshAddress: spec.mesh,
        machine: spec.droplet
          ? digitalOceanDroplet({ ...spec.droplet, vpc, sshKeys, project })
          : existingMachine({ ipv4: spec.ipv4, ipv6: spec.ipv6 }),
      });
      for (const [label, guest] of Object.entries(spec.guests ?? {}))
        hosts.set(`${label}.${name}`, host.addGuest(label, guest));
      hosts.set(name, host);
    }
    this.hosts = hosts;
    const host = (name: string, where: string) => findDeclared(this, hosts, name, `${where}: host`);
    const domain = zone.backend.domain;
    check(this, domain, "the zone's domain is managed elsewhere (expected this stack to create it)");
    project.addResource(domain.urn);

    // Apex: the website on GitHub Pages, mail on the mail host.
    const pages = dns.githubPages;
    const mailHost = host(dns.mail.host, "mail");
    zone
      .a("@", pages.ipv4)
      .aaaa("@", pages.ipv6)
      .mx("@", { priority: dns.mail.mxPriority, target: mailHost })
      .txt("@", `v=spf1 mx a:${withoutTrailingDot(mailHost.fqdn)} ~all`, { key: "spf" });

    const tiers = new Map<string, ProxyTier>();
    for (const [name, spec] of Object.entries(services.tiers)) {
      const members = spec.members.map((member) => host(member, `proxy tier ${name}`));
      tiers.set(
        name,
        new ProxyTier(this, name, { zone, name, members, ipv6: spec.ipv6, wildcards: spec.wildcards }),
      );
    }
    this.tiers = tiers;
    const tier = (name: string, where: string) => findDeclared(this, tiers, name, `${where}: proxy tier`);
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
    // An alias names a machine, or an absolute name outside the zone (with its trailing dot).
    for (const { name, target } of dns.aliases)
      zone.cname(name, target.endsWith(".") ? target : host(target, `alias ${name}`));
    for (const name of pages.aNames) zone.a(name, pages.ipv4);
    for (const name of pages.sites) zone.cname(name, pages.target);

    this.mirrors = this.addMirrors(zone, props, (name) => host(name, "mirror"));

    // The CDN's traffic CNAME is the CDN mirror's own record; its ACME challenges live here too.
    for (const { name } of cdn.domains) {
      const target = cdn.challengeTargets?.[name];
      check(this, target, `CDN domain ${name} has no challenge target (expected it in challengeTargets)`);
      zone.cname(acmeChallengeName(name), target);
    }
    for (const verification of dns.verifications)
      zone.txt(verification.name, verification.text, { exclusive: true });
    zone.txt("_dmarc", dns.mail.dmarc, { exclusive: true });
    zone.txt(`${dns.mail.dkim.selector}._domainkey`, dns.mail.dkim.record, { exclusive: true });
  }

  private addAccount({ digitalocean: account }: HostsEstate): DigitalOceanAccount {
    const project = new DigitalOceanProject(this, "project", account.project);
    const imageBucket = new SpacesBucket(this, "image-bucket", account.imageBucket);
    claimLogicalId(imageBucket, terraformId("spaces_bucket", account.imageBucket.name));
    project.addResource(imageBucket.urn);
    return {
      vpc: new DigitalOceanVpc(this, "vpc", account.vpc),
      sshKeys: account.sshKeys.map((key) => new DigitalOceanSshKey(this, `ssh-key-${key.name}`, key)),
      project,
      imageBucket,
    };
  }

  private addMirrors(zone: DnsZone, props: DigitalOceanStackProps, host: (name: string) => Host): Mirror[] {
    const { dns, hosts, cdn, mirrorList } = props;
    const synced = hosts.mirrorSyncHosts.map(host);
    const mirrors = new Map<string, Mirror>();
    for (const spec of dns.mirrors) {
      const name = `${dns.mirrorPrefix}${spec.code}`;
      const baseUrl = `https://${name}.${dns.zone}/`;
      const entry = mirrorList.find((e) => e.baseUrl === baseUrl);
      if (!entry)
        throw new ValidationError(
          this,
          `mirror ${baseUrl} is not in the mirror list (expected a tier-1 entry)`,
        );
      mirrors.set(
        spec.code,
        new Mirror(this, `mirror-${spec.code}`, {
          zone,
          name,
          target: "host" in spec ? host(spec.host) : cdn.edgeTarget,
          region: entry.region,
          location: entry.location,
          enabled: entry.enabled,
          country: mirrorCountry(entry)?.code,
          syncedHosts: synced,
        }),
      );
    }
    for (const [alias, code] of Object.entries(dns.mirrorAliases)) {
      findDeclared(this, mirrors, code, `alias ${dns.mirrorPrefix}${alias}: mirror`).addAlias(
        `${dns.mirrorPrefix}${alias}`,
      );
    }
    return [...mirrors.values()];
  }
}
