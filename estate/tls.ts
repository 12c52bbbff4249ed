import type { AcmeCertificateProps } from "../constructs/tls";

/** A Nomad job by namespace and id. */
interface NomadJobRef {
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

/**
 * The wildcard certificate for voidlinux.org from Let's Encrypt's production directory, renewed
 * weekly by the Nomad batch job `cert-renew`. DNS-01 runs through DigitalOcean with
 * `DO_AUTH_TOKEN` from the job's environment.
 */
export const TLS: TlsEstate = {
  // Let's Encrypt's production ACME v2 directory.
  acmeServerUrl: "https://acme-v02.api.letsencrypt.org/directory",
  certificate: {
    email: "maldridge@voidlinux.org",
    commonName: "voidlinux.org",
    subjectAlternativeNames: ["*.voidlinux.org", "*.s.voidlinux.org", "*.m.voidlinux.org"],
    dnsChallenges: [{ provider: "digitalocean" }],
    preCheckDelay: 30,
    recursiveNameservers: ["1.1.1.1"],
  },
  // Jobs that serve TLS with the wildcard certificate, and the namespaces they run in.
  consumers: [
    { job: "nginx", namespace: "mirror" },
    { job: "nginx-control", namespace: "infrastructure" },
    { job: "maddy", namespace: "apps-restricted" },
  ],
  renewalJob: { job: "cert-renew", namespace: "infrastructure" },
};
