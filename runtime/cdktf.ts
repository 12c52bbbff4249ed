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
