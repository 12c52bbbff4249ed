import assert from "node:assert/strict";
import { type App, type Construct, TerraformStack, Testing } from "@void-linux/infra-constructs/cdktf";
import { tempDir } from "./project";

/** Synthesized Terraform JSON of one stack, as cdktf writes it. */
export interface StackJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  provider?: Record<string, unknown[]>;
  terraform?: Record<string, unknown>;
  module?: Record<string, Record<string, unknown>>;
  output?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

let outdir: string | undefined;

/**
 * An app for tests. Its output directory is shared and removed when the test process exits (cdktf's
 * own `testApp()` leaves an empty temporary directory behind for every app).
 */
export function testApp(): App {
  outdir ??= tempDir("cdktf-test-app-");
  return Testing.app({ outdir });
}

/** Builds constructs in a throw-away stack and returns the synthesized JSON string. */
export function synthScope(build: (scope: Construct) => void): string {
  const stack = new TerraformStack(testApp(), "stack");
  build(stack);
  return Testing.synth(stack);
}

/**
 * The message of the error `build` throws while building in a throw-away stack (whose path is
 * `stack`); fails the test when nothing is thrown.
 */
export function failureOf(build: (scope: Construct) => void): string {
  let message: string | undefined;
  synthScope((scope) => {
    try {
      build(scope);
    } catch (error) {
      message = (error as Error).message;
    }
  });
  return message ?? assert.fail("expected a validation error");
}

export function parse(json: string): StackJson {
  return JSON.parse(json) as StackJson;
}

/** The resources of one type keyed by logical id (empty when there are none). */
export function resourcesOf(json: string | StackJson, type: string): Record<string, Record<string, unknown>> {
  const stack = typeof json === "string" ? parse(json) : json;
  return stack.resource?.[type] ?? {};
}

/** The Terraform address (`<type>.<logical id>`) a resource handle synthesizes to: the library's own. */
export { addressOf } from "@void-linux/infra-constructs/terraform";

/** cdktf's matcher, with the candidates printed when it fails. */
export function assertHasResource(
  json: string,
  type: string,
  properties: Record<string, unknown> = {},
): void {
  if (Testing.toHaveResourceWithProperties(json, type, properties)) return;
  assert.fail(
    `expected a ${type} with ${JSON.stringify(properties)}; found:\n${JSON.stringify(resourcesOf(json, type), null, 2)}`,
  );
}

export function assertNoResource(json: string, type: string, properties: Record<string, unknown> = {}): void {
  assert.ok(
    !Testing.toHaveResourceWithProperties(json, type, properties),
    `expected no ${type} with ${JSON.stringify(properties)}`,
  );
}
