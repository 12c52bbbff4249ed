import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { type Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { DnsZone } from "@void-linux/infra-constructs/dns";
import { cloudDns } from "@void-linux/infra-constructs/dns/google";
import { Host } from "@void-linux/infra-constructs/host";
import { computeInstance } from "@void-linux/infra-constructs/host/google";

/** A second zone on Google Cloud DNS, for the build machines Acme runs on Compute Engine. */
export class AcmeInternalStack extends TerraformStack {
  readonly zone: DnsZone;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new GoogleProvider(this, "google", { project: "acme-infra", region: "europe-north1" });
    this.zone = new DnsZone(this, "internal", {
      zoneName: "acme-build.example",
      backend: cloudDns({ description: "Acme build machines" }),
    });
    for (const name of ["builder1", "builder2"]) {
      new Host(this, name, {
        zone: this.zone,
        name,
        roles: ["builder"],
        machine: computeInstance({
          zone: "europe-north1-a",
          machineType: "e2-standard-4",
          image: "debian-cloud/debian-12",
        }),
      });
    }
    this.zone.srv("_ci._tcp", {
      priority: 10,
      weight: 5,
      port: 8443,
      target: "builder1.acme-build.example.",
    });
  }
}
