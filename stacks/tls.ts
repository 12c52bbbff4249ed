import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { AcmeProvider } from "@void-linux/infra-constructs/bindings/acme";
import { type Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { findDeclared } from "@void-linux/infra-constructs/core";
import { type INomadNamespace, jobVariablePath, nomadProvider } from "@void-linux/infra-constructs/nomad";
import { configureState, type StateSettings } from "@void-linux/infra-constructs/terraform";
import { AcmeCertificate } from "@void-linux/infra-constructs/tls";
import type { TlsEstate } from "../inputs/estate";

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
  /** The certificate and its deliveries into Nomad variables. */
  readonly certificate: AcmeCertificate;

  constructor(scope: Construct, id: string, { tls, namespaces, state }: TlsStackProps) {
    super(scope, id);
    configureState(this, state);
    new AcmeProvider(this, "acme", { serverUrl: tls.acmeServerUrl });
    // Declared (Void left tls implicit), so required_providers pins it.
    new TlsProvider(this, "tls");
    nomadProvider(this, "nomad");

    const certificate = new AcmeCertificate(this, "wildcard", tls.certificate);
    for (const { job, namespace } of tls.consumers) {
      const target = findDeclared(this, namespaces, namespace, `consumer ${job}: Nomad namespace`);
      certificate.deliverToNomad(target, jobVariablePath(job));
    }
    this.certificate = certificate;
  }
}
