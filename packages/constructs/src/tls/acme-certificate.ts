import { PrivateKey } from "@cdktf/provider-tls/lib/private-key";
import { Certificate, type CertificateKeyType } from "../bindings/acme/certificate";
import { Registration } from "../bindings/acme/registration";
import { Construct } from "../cdktf";
import { check, checkUnique } from "../core";
import type { INomadNamespace } from "../nomad/namespace";
import { NomadVariable } from "../nomad/variable";
import { claimLogicalId, logicalId } from "../terraform/logical-id";

/** A DNS name or a `*.` wildcard of one, without trailing dot. */
const DNS_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A DNS-01 solver: one of lego's DNS providers, with credentials from the environment. */
export interface AcmeDnsChallenge {
  /** lego provider name, e.g. `digitalocean` (reads `DO_AUTH_TOKEN`). */
  readonly provider: string;
  /** Non-secret provider settings (e.g. `DO_PROPAGATION_TIMEOUT`). @default none */
  readonly config?: Readonly<Record<string, string>>;
}

export interface AcmeCertificateProps {
  /** Contact address of the ACME account. */
  readonly email: string;
  /** Primary name; also names the addresses (`acme_certificate.certificate_<name>`). */
  readonly commonName: string;
  /** Further names, e.g. wildcards `*.example.org`. @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** DNS-01 solvers (wildcards need DNS-01); at least one. */
  readonly dnsChallenges: readonly AcmeDnsChallenge[];
  /** Seconds to wait after each challenge record before validation. @default 0 */
  readonly preCheckDelay?: number;
  /** Resolvers for the propagation check (`host` or `host:port`). @default the system's */
  readonly recursiveNameservers?: readonly string[];
  /** Key type of the certificate key. @default RSA 2048 (the provider's) */
  readonly keyType?: CertificateKeyType;
  /** Renew on apply once fewer days remain. @default 30 (the provider's) */
  readonly minDaysRemaining?: number;
}

/**
 * An ACME account (RSA key from `tls_private_key`, registered at the stack's ACME provider) and one
 * certificate issued to it by DNS-01. Key and certificate material only ever travel as references
 * between resources: nothing secret is a literal or an output, and the provider schemas mark the
 * keys sensitive. Deliver the result to workloads with {@link deliverToNomad}.
 */
export class AcmeCertificate extends Construct {
  /** Certificate followed by its issuer chain (PEM), as a reference. */
  readonly fullChainPem: string;
  /** The certificate's private key (PEM), as a sensitive reference. */
  readonly privateKeyPem: string;
  /** Expiry (RFC 3339), as a reference. */
  readonly notAfter: string;
  /** The ACME account's key (`tls_private_key`). */
  readonly accountKey: PrivateKey;
  /** The ACME account (`acme_registration`). */
  readonly registration: Registration;
  /** The certificate (`acme_certificate`). */
  readonly certificate: Certificate;
  private readonly deliveryMap = new Map<string, NomadVariable>();

  constructor(scope: Construct, id: string, props: AcmeCertificateProps) {
    super(scope, id);
    const names = [props.commonName, ...(props.subjectAlternativeNames ?? [])];
    for (const name of names) {
      check(
        this,
        DNS_NAME.test(name),
        `"${name}" is not a DNS name (expected lower-case name or *.name, no trailing dot)`,
      );
    }
    checkUnique(this, "name (common or alternative)", names);
    check(this, !props.commonName.startsWith("*."), () => {
      return `common name "${props.commonName}" is a wildcard (expected a plain name; put wildcards in subjectAlternativeNames)`;
    });
    check(this, EMAIL.test(props.email), `email "${props.email}" is not a mail address`);
    check(
      this,
      props.dnsChallenges.length > 0,
      "dnsChallenges is empty (expected at least one DNS-01 solver)",
    );
    checkUnique(
      this,
      "dnsChallenges: provider",
      props.dnsChallenges.map((c) => c.provider),
    );
    check(this, props.preCheckDelay === undefined || props.preCheckDelay >= 0, "preCheckDelay is negative");

    const name = props.commonName;
    this.accountKey = new PrivateKey(this, "account-key", { algorithm: "RSA" });
    const accountKey = this.accountKey;
    claimLogicalId(accountKey, logicalId("account_key", name));
    this.registration = new Registration(this, "registration", {
      accountKeyPem: accountKey.privateKeyPem,
      emailAddress: props.email,
    });
    const registration = this.registration;
    claimLogicalId(registration, logicalId("registration", name));
    this.certificate = new Certificate(this, "certificate", {
      accountKeyPem: registration.accountKeyPem,
      commonName: props.commonName,
      subjectAlternativeNames: props.subjectAlternativeNames,
      keyType: props.keyType,
      minDaysRemaining: props.minDaysRemaining,
      preCheckDelay: props.preCheckDelay,
      recursiveNameservers: props.recursiveNameservers,
      dnsChallenge: props.dnsChallenges,
    });
    const certificate = this.certificate;
    claimLogicalId(certificate, logicalId("certificate", name));
    this.fullChainPem = `${certificate.certificatePem}${certificate.issuerPem}`;
    this.privateKeyPem = certificate.privateKeyPem;
    this.notAfter = certificate.certificateNotAfter;
  }

  /**
   * Writes the certificate into Nomad variable `path` of `namespace` as items `certificate` (full
   * chain) and `key`; a job reads them from `nomad/jobs/<job>` with its workload identity.
   */
  deliverToNomad(namespace: INomadNamespace, path: string): NomadVariable {
    const key = `${namespace.namespaceName}/${path}`;
    check(
      this,
      !this.deliveryMap.has(key),
      `delivery to ${path} in namespace ${namespace.namespaceName} is declared twice`,
    );
    const variable = new NomadVariable(
      this,
      `nomad-${namespace.namespaceName}-${path.replaceAll("/", "_")}`,
      {
        namespace,
        path,
        items: { certificate: this.fullChainPem, key: this.privateKeyPem },
      },
    );
    this.deliveryMap.set(key, variable);
    return variable;
  }

  /** The Nomad variables written so far, by `<namespace>/<path>`. */
  get deliveries(): ReadonlyMap<string, NomadVariable> {
    return this.deliveryMap;
  }
}
