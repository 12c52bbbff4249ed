import { LETS_ENCRYPT_PRODUCTION } from "../bindings/acme/provider";
import type { AcmeCertificateProps } from "../constructs/tls";

/** Void's ACME CA: the Let's Encrypt production directory. */
export const ACME_SERVER_URL = LETS_ENCRYPT_PRODUCTION;

/**
 * The wildcard certificate for voidlinux.org, renewed weekly by the Nomad batch job `cert-renew`.
 * DNS-01 runs through DigitalOcean with `DO_AUTH_TOKEN` from the job's environment.
 */
export const WILDCARD_CERTIFICATE: AcmeCertificateProps = {
  email: "maldridge@voidlinux.org",
  commonName: "voidlinux.org",
  subjectAlternativeNames: ["*.voidlinux.org", "*.s.voidlinux.org", "*.m.voidlinux.org"],
  dnsChallenges: [{ provider: "digitalocean" }],
  preCheckDelay: 30,
  recursiveNameservers: ["1.1.1.1"],
};

/** Jobs that serve TLS with the wildcard certificate, and the namespaces they run in. */
export const CERTIFICATE_CONSUMERS = [
  { job: "nginx", namespace: "mirror" },
  { job: "nginx-control", namespace: "infrastructure" },
  { job: "maddy", namespace: "apps-restricted" },
] as const;

/** The Nomad variable path a job reads with its workload identity. */
export function jobVariablePath(job: string): string {
  return `nomad/jobs/${job}`;
}

/** The job that renews the certificate, and whose identity `certs-admin` is attached to. */
export const RENEWAL_JOB = { job: "cert-renew", namespace: "infrastructure" } as const;
