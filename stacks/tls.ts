import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { AcmeProvider } from "../bindings/acme/provider";
import { NomadProvider } from "../bindings/nomad/provider";
import { type Construct, TerraformStack } from "../constructs/cdktf";
import type { INomadNamespace } from "../constructs/nomad";
import { addStateMigration, terraformAddress } from "../constructs/terraform/state-migration";
import { AcmeCertificate } from "../constructs/tls";
import type { VoidNamespace } from "../estate/hashistack";
import { TERRASTATE_BASE_URL } from "../estate/state";
import { ACME_SERVER_URL, CERTIFICATE_CONSUMERS, jobVariablePath, WILDCARD_CERTIFICATE } from "../estate/tls";
import { configureState } from "../lib/backend";

export interface TlsStackProps {
  /** The Nomad namespaces the certificate is delivered into (declared by the hashistack stack). */
  readonly namespaces: ReadonlyMap<VoidNamespace, INomadNamespace>;
}

/**
 * The Let's Encrypt wildcard certificate for voidlinux.org, delivered into the Nomad variables of
 * the jobs that terminate TLS. Applied weekly by the Nomad batch job `cert-renew`.
 */
export class TlsStack extends TerraformStack {
  constructor(scope: Construct, id: string, { namespaces }: TlsStackProps) {
    super(scope, id);
    configureState(this, { key: "tls/letsencrypt", httpBaseUrl: TERRASTATE_BASE_URL });
    new AcmeProvider(this, "acme", { serverUrl: ACME_SERVER_URL });
    // Declared (Void left tls implicit), so required_providers pins it.
    new TlsProvider(this, "tls");
    new NomadProvider(this, "nomad");

    const certificate = new AcmeCertificate(this, "wildcard", WILDCARD_CERTIFICATE);
    const variables = CERTIFICATE_CONSUMERS.map(({ job, namespace }) => {
      const target = namespaces.get(namespace);
      if (!target) throw new Error(`namespace ${namespace} is missing from TlsStackProps.namespaces`);
      return { job, variable: certificate.deliverToNomad(target, jobVariablePath(job)) };
    });

    // Void's addresses in terraform/le; `moved` keeps the account, certificate and variables.
    addStateMigration(this, {
      moved: [
        {
          from: "tls_private_key.private_key",
          to: terraformAddress(certificate.node.findChild("account-key")),
        },
        { from: "acme_registration.reg", to: terraformAddress(certificate.node.findChild("registration")) },
        {
          from: "acme_certificate.voidlinux_org",
          to: terraformAddress(certificate.node.findChild("certificate")),
        },
        ...variables.map(({ job, variable }) => ({
          from: `nomad_variable.certs["${jobVariablePath(job)}"]`,
          to: terraformAddress(variable),
        })),
      ],
    });
  }
}
