import { z } from "zod";
import { distinct, email, fields, name, url } from "./fields";

const dnsName = z.string().regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
  error: "is not a DNS name (expected a name such as voidlinux.org or a wildcard such as *.voidlinux.org)",
});

const job = fields({ job: name, namespace: name });

/** `estate/tls.yaml`: the certificate and the Nomad jobs it is delivered to. */
export const tlsSchema = fields({
  acmeServerUrl: url.describe("The CA's ACME directory."),
  certificate: fields({
    email: email.describe("Contact address of the ACME account."),
    commonName: dnsName,
    subjectAlternativeNames: distinct(dnsName)
      .optional()
      .describe("Further names; a wildcard covers one label."),
    dnsChallenges: z
      .array(fields({ provider: name, config: z.record(z.string(), z.string()).optional() }))
      .min(1)
      .describe("DNS-01 solvers (lego providers); credentials come from the environment."),
    preCheckDelay: z.int().min(0).optional(),
    recursiveNameservers: z.array(z.string().min(1)).optional(),
    keyType: z.enum(["P256", "P384", "2048", "4096", "8192"]).optional(),
    minDaysRemaining: z.int().min(1).optional(),
  }).describe("The certificate."),
  consumers: z
    .array(job)
    .describe("Jobs that serve TLS with the certificate; each reads it from its job variables."),
  renewalJob: job.describe("The job that renews the certificate."),
}).describe("Void's certificate and where it is delivered.");

export type TlsFile = z.output<typeof tlsSchema>;
