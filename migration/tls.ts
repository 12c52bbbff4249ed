import type { StateMigration } from "@void-linux/infra-constructs/terraform";
import type { TlsStack } from "../stacks/tls";
import { move } from "./move";

/** Void's addresses in `terraform/le`: the account key, registration, certificate and deliveries. */
export function tlsMigration({ certificate }: TlsStack): StateMigration {
  return {
    moved: [
      ...move("tls_private_key.private_key", certificate.accountKey),
      ...move("acme_registration.reg", certificate.registration),
      ...move("acme_certificate.voidlinux_org", certificate.certificate),
      ...[...certificate.deliveries.values()].flatMap((variable) =>
        move(`nomad_variable.certs["${variable.path}"]`, variable.resource),
      ),
    ],
  };
}
