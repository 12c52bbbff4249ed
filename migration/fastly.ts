import type { StateMigration } from "@void-linux/infra-constructs/terraform";
import type { FastlyStack } from "../stacks/fastly";
import { move } from "./move";

/** Void named the TLS subscription after its domain; the service keeps its address. */
export function fastlyMigration({ front }: FastlyStack): StateMigration {
  return { moved: move("fastly_tls_subscription.repo_fastly_voidlinux_org", front.tlsSubscription) };
}
