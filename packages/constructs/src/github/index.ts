export { GITHUB_LOGIN, GITHUB_SPECIAL_LOGINS, githubLoginProblem } from "./login";
export {
  GithubOrganization,
  type GithubOrganizationProps,
  type MemberProps,
  type MembershipMode,
  type MembershipSwitch,
  type OrganizationMember,
  type OrganizationRole,
  type PersonProps,
} from "./organization";
export {
  type MergeSettings,
  type PagesSettings,
  Repository,
  type RepositoryPermission,
  type RepositoryProps,
  type RepositoryVisibility,
} from "./repository";
export { type ITeam, Team, type TeamPrivacy, type TeamProps, type TeamRole } from "./team";
