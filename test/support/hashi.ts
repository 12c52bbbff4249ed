import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { VaultProvider } from "@cdktf/provider-vault/lib/provider";
import { AcmeProvider, LETS_ENCRYPT_STAGING } from "@void-linux/infra-constructs/bindings/acme";
import { ConsulProvider } from "@void-linux/infra-constructs/bindings/consul";
import { type Construct, TerraformStack, Testing } from "@void-linux/infra-constructs/cdktf";
import { nomadProvider } from "@void-linux/infra-constructs/nomad";
import { parse, type StackJson, testApp } from "./synth";

/**
 * Builds constructs in a fresh app (with every provider they may need) and synthesizes with
 * validations, as `cdktf synth` does.
 */
export function synthValidated(build: (scope: Construct) => void): StackJson {
  const stack = new TerraformStack(testApp(), "stack");
  nomadProvider(stack, "nomad-provider");
  new ConsulProvider(stack, "consul-provider");
  new VaultProvider(stack, "vault-provider");
  new AcmeProvider(stack, "acme-provider", { serverUrl: LETS_ENCRYPT_STAGING });
  new TlsProvider(stack, "tls-provider");
  build(stack);
  return parse(Testing.synth(stack, true));
}

/** The message of the error `fn` throws (fails when it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected an error, but none was thrown");
}
