import { z } from "zod";
import { datacenterName, distinct, fields, machineName, name, relativeName } from "./fields";

/** `estate/proxies.yaml`: the proxy tiers and the names they serve from fixed site fragments. */
export const proxiesSchema = fields({
  tiers: z
    .record(
      name,
      fields({
        members: distinct(machineName).min(1).describe("Machines in DNS rotation."),
        ipv6: z.boolean().describe("Publish AAAA records too."),
        wildcards: distinct(relativeName)
          .default([])
          .describe("Parents whose undefined children reach the tier by wildcard CNAME (@ is the apex)."),
        job: name.describe("The Nomad system job that runs the proxy."),
        namespace: name.describe("Its Nomad namespace."),
        datacenter: datacenterName.describe("Its Nomad datacenter."),
      }),
    )
    .describe("Proxy tiers by name; the name is also the tier's DNS name."),
  fragments: z
    .array(
      fields({
        name: relativeName.describe("The name the tier answers."),
        tier: name,
        upstream: z.string().min(1).describe("Where nginx sends the requests."),
        fragment: z.string().min(1).describe("The site fragment that defines the server."),
      }),
    )
    .default([])
    .describe(
      "Names a tier serves from a fixed site fragment rather than from Consul meta; each gets a CNAME.",
    ),
}).describe("Void's proxy tiers. Services published through them are files in estate/services/.");

export type ProxiesFile = z.output<typeof proxiesSchema>;

/** `estate/services/<name>.yaml`: one service consul-template publishes through a proxy tier. */
export const serviceSchema = fields({
  service: name
    .optional()
    .describe(
      "Consul service name; leave out when the Nomad service block has none. The file is named after it (or the job).",
    ),
  job: name.describe("The Nomad job."),
  namespace: name.describe("The job's Nomad namespace."),
  datacenters: distinct(datacenterName).min(1).describe("The job's Nomad datacenters."),
  names: distinct(relativeName)
    .min(1)
    .describe("Names the proxies answer for the service: its nginx_names meta."),
  tier: name.describe("The proxy tier whose names reach the service."),
  pinnedTo: machineName.optional().describe("DNS points straight at this machine instead of the tier."),
}).describe("One service published through a proxy tier; the file is named <service>.yaml (or <job>.yaml).");

export type ServiceFile = z.output<typeof serviceSchema>;
