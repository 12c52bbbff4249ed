/**
 * The one seam between this repository and the CDK for Terraform runtime.
 *
 * cdktf 0.21 is the last HashiCorp release; its API-compatible successor is CDK Terrain (`cdktn`).
 * Everything outside the prebuilt provider packages imports cdktf symbols from here, so switching
 * runtimes means changing this file (and package.json), not the whole tree.
 */

export type {
  IResolvable,
  ITerraformDependable,
  TerraformMetaArguments,
  TerraformModuleUserConfig,
  TerraformProviderGeneratorMetadata,
  TerraformResourceConfig,
} from "cdktf";
export {
  Annotations,
  App,
  Aspects,
  DISABLE_STACK_TRACE_IN_METADATA,
  Fn,
  GcsBackend,
  HttpBackend,
  Lazy,
  LocalBackend,
  propertyAccess,
  S3Backend,
  TerraformBackend,
  TerraformElement,
  TerraformModule,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Testing,
  Token,
} from "cdktf";
export { Construct, type IConstruct } from "constructs";

/**
 * cdktf records where every token was created by formatting a full stack trace into a string, for
 * messages about tokens that fail to resolve; thousands of them are a tenth of a synth. Those
 * captures target plain objects and are never printed here, so they skip the formatting; an
 * Error's stack is formatted as V8 does. Left alone when source maps rewrite stacks.
 */
if (Error.prepareStackTrace === undefined && !process.sourceMapsEnabled) {
  Error.prepareStackTrace = (target, frames) =>
    target instanceof Error ? [String(target), ...frames.map((frame) => `    at ${frame}`)].join("\n") : "";
}
