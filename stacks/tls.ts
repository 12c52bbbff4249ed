import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { AcmeProvider } from "../bindings/acme/provider";
import { NomadProvider } from "../bindings/nomad/provider";
import { type Construct, TerraformStack } from "../constructs/cdktf";
import { type INomadNamespace, jobVariablePath } from "../constructs/nomad";
import { addStateMigration, terraformAddress } from "../constructs/terraform/state-migration";
import { AcmeCertificate } from "../constructs/tls";
import { ValidationError } from "../constructs/validation";
import type { TlsEstate } from "../estate/tls";
import { configureState, type StateSettings } from "../lib/backend";

export interface TlsStackProps {
  readonly tls: TlsEstate;
  /** The Nomad namespaces the certificate is delivered into (declared by the hashistack stack). */
  readonly namespaces: ReadonlyMap<string, INomadNamespace>;
  readonly state: StateSettings;
}

/**
 * The certificate, delivered into the Nomad variables of the jobs that terminate TLS. Applied
 * weekly by the Nomad batch job that renews it.
 */
export class TlsStack extends TerraformStack {
  constructor(scope: Construct, id: string, { tls, namespaces, state }: TlsStackProps) {
    super(scope, id);
    configureState(this, state);
    new AcmeProvider(this, "acme", { serverUrl: tls.acmeServerUrl });
    // Declared (Void left tls implicit), so required_providers pins it.
    new TlsProvider(this, "tls");
    new NomadProvider(this, "nomad");

    const certificate = new AcmeCertificate(this, "wildcard", tls.certificate);
    const variables = tls.consumers.map(({ job, namespace }) => {
      const target = namespaces.get(namespace);
      if (!target)
        throw new ValidationError(
          this,
          `consumer ${job}: Nomad namespace "${namespace}" is not declared (expected one of: ${[...namespaces.keys()].join(", ")})`,
        );
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
