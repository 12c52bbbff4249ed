/**
 * The one seam between the constructs and the CDK for Terraform runtime.
 *
 * cdktf 0.21 is the last HashiCorp release; its API-compatible successor is CDK Terrain (`cdktn`).
 * Every construct, and every app built on them that imports its runtime symbols from here, shares
 * the one runtime the constructs were built with; switching runtimes means changing this file (and
 * the package named `cdktf`), not the whole tree.
 */

export type {
  IAspect,
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
