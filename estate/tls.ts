import { LETS_ENCRYPT_PRODUCTION } from "../bindings/acme/provider";
import type { AcmeCertificateProps } from "../constructs/tls";

/** A Nomad job by namespace and id. */
export interface NomadJobRef {
  readonly job: string;
  readonly namespace: string;
}

/** One certificate and the Nomad jobs it is delivered to. */
export interface TlsEstate {
  /** ACME directory of the CA. */
  readonly acmeServerUrl: string;
  readonly certificate: AcmeCertificateProps;
  /** Jobs that serve TLS with the certificate; each reads it from its own job variables. */
  readonly consumers: readonly NomadJobRef[];
  /** The job that renews the certificate, and whose identity `certs-admin` is attached to. */
  readonly renewalJob: NomadJobRef;
}

/** Jobs that serve TLS with the wildcard certificate, and the namespaces they run in. */
export const CERTIFICATE_CONSUMERS = [
  { job: "nginx", namespace: "mirror" },
  { job: "nginx-control", namespace: "infrastructure" },
  { job: "maddy", namespace: "apps-restricted" },
] as const;

export const RENEWAL_JOB = { job: "cert-renew", namespace: "infrastructure" } as const;

/**
 * The wildcard certificate for voidlinux.org from Let's Encrypt's production directory, renewed
 * weekly by the Nomad batch job `cert-renew`. DNS-01 runs through DigitalOcean with
 * `DO_AUTH_TOKEN` from the job's environment.
 */
export const TLS: TlsEstate = {
  acmeServerUrl: LETS_ENCRYPT_PRODUCTION,
  certificate: {
    email: "maldridge@voidlinux.org",
    commonName: "voidlinux.org",
    subjectAlternativeNames: ["*.voidlinux.org", "*.s.voidlinux.org", "*.m.voidlinux.org"],
    dnsChallenges: [{ provider: "digitalocean" }],
    preCheckDelay: 30,
    recursiveNameservers: ["1.1.1.1"],
  },
  consumers: CERTIFICATE_CONSUMERS,
  renewalJob: RENEWAL_JOB,
};
