/** The organization's definition (`organization.yaml`): its schema, and reading it from a checkout or a commit. */
export { organizationJsonSchema } from "./json-schema";
export {
  definitionAt,
  loadOrganization,
  organizationAt,
  readDefinition,
  readGithub,
  withGithub,
} from "./read";
export {
  DATA_SETS,
  type DataSet,
  type Organization,
  type OrganizationDefinition,
  organizationSchema,
} from "./schema";
