import { z } from "zod";
import { absoluteName, domainName, fields, ipv4, ipv6, machineName, relativeName, text } from "./fields";

const mirrorCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, {
  error: "is not a mirror code (expected lower-case letters, digits and hyphens, such as fi)",
});

/**
 * `estate/dns.yaml`: the zone's records that no machine, proxy or CDN front accounts for. Names
 * are relative to the zone.
 */
export const dnsSchema = fields({
  zone: domainName.describe("The zone, e.g. voidlinux.org."),
  githubPages: fields({
    ipv4: ipv4.describe("GitHub Pages' IPv4 address: the apex and a_names answer it."),
    ipv6: ipv6.describe("GitHub Pages' IPv6 address: the apex answers it."),
    target: absoluteName.describe("Target of project-site CNAMEs, e.g. void-linux.github.io."),
    aNames: z
      .array(relativeName)
      .default([])
      .describe("Names answered by the IPv4 address directly (A only)."),
    sites: z.array(relativeName).default([]).describe("Project sites: CNAMEs to the target."),
  }).describe("The website on GitHub Pages."),
  mail: fields({
    host: machineName.describe("The machine MX and SPF name."),
    mxPriority: z.int().min(0).max(65535),
    alias: relativeName.describe("Service name of the mail host (a CNAME)."),
    dmarc: text.describe("The _dmarc TXT record."),
    dkim: fields({
      selector: relativeName,
      record: z.string().min(1).max(4096).describe("The DKIM TXT record, v=DKIM1; …"),
    }),
  }).describe("Mail: MX, SPF, the mail alias, DMARC and DKIM."),
  aliases: z
    .array(
      fields({
        name: relativeName.describe("The name, relative to the zone."),
        target: z
          .string()
          .min(1)
          .describe(
            "A machine (a-hel-fi, or a guest vm3.a-lej-de) or an absolute external name with its trailing dot.",
          ),
      }),
    )
    .default([])
    .describe("CNAMEs: service names that point at one machine, or at a name outside the zone."),
  verifications: z
    .array(fields({ name: relativeName, text: z.string().min(1).max(4096) }))
    .default([])
    .describe("Ownership challenges, published as TXT records."),
  mirrorPrefix: z
    .string()
    .regex(/^[a-z0-9-]*$/)
    .describe("Prefix of first-tier mirror names: <prefix><code>."),
  mirrors: z
    .array(
      z.union([
        fields({ code: mirrorCode, host: machineName.describe("The machine that serves the mirror.") }),
        fields({
          code: mirrorCode,
          cdn: z.literal(true).describe("Served by the CDN front (estate/fastly.ts)."),
        }),
      ]),
    )
    .default([])
    .describe(
      "First-tier mirrors as DNS sees them; region, location and state come from estate/mirrors.yaml.",
    ),
  mirrorAliases: z
    .record(mirrorCode, mirrorCode)
    .default({})
    .describe("Repointable aliases: alias code to mirror code."),
}).describe("Void's DNS records that no machine, proxy or CDN front accounts for.");

export type DnsFile = z.output<typeof dnsSchema>;
