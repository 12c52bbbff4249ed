import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { FastlyProvider } from "@void-linux/infra-constructs/bindings/fastly";
import { type Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { CdnFront } from "@void-linux/infra-constructs/cdn";
import { DnsZone } from "@void-linux/infra-constructs/dns";
import { route53Dns } from "@void-linux/infra-constructs/dns/aws";
import { Host } from "@void-linux/infra-constructs/host";
import { ec2Instance } from "@void-linux/infra-constructs/host/aws";
import { Mirror } from "@void-linux/infra-constructs/mirror";
import { ProxyTier, PublishedService } from "@void-linux/infra-constructs/proxy";

/**
 * Acme's public web estate on AWS: the `acme.example` hosted zone, two EC2 machines behind a proxy
 * tier, a service published in front of it, a download mirror, and a Fastly front for the
 * downloads whose DNS records land in the same zone.
 */
export class AcmeWebStack extends TerraformStack {
  readonly zone: DnsZone;
  readonly tier: ProxyTier;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-north-1" });
    new FastlyProvider(this, "fastly");

    this.zone = new DnsZone(this, "public", { zoneName: "acme.example", backend: route53Dns() });
    const machine = ec2Instance({ ami: "ami-0a1b2c3d4e5f67890", instanceType: "t3.small", ipv6: true });
    const web = ["web1", "web2"].map(
      (name) =>
        new Host(this, name, {
          zone: this.zone,
          name,
          subdomain: "hosts",
          roles: ["proxy"],
          country: "se",
          site: "arn",
          machine,
        }),
    );

    this.tier = new ProxyTier(this, "proxy", { zone: this.zone, name: "proxy", members: web });
    new PublishedService(this, "status", { tier: this.tier, names: ["status", "www"] });
    this.zone.a("@", ["192.0.2.10", "192.0.2.11"]);
    this.zone.txt("@", "v=spf1 -all", { key: "spf" });
    this.zone.caa("@", { tag: "issue", value: "letsencrypt.org" });

    new Mirror(this, "mirror-eu", {
      zone: this.zone,
      name: "mirror-eu",
      target: web[0],
      region: "EU",
      location: "Stockholm, Sweden",
      country: "se",
      enabled: true,
    });
    new CdnFront(this, "downloads", {
      serviceName: "acme-downloads",
      domains: [{ name: "dl.acme.example" }],
      origins: [{ name: "origin", address: "origin.acme.example" }],
      edgeTarget: "dualstack.n.sni.global.fastly.net.",
      zone: this.zone,
    });
  }
}
