import type { MembershipMode, RepositoryPermission, RepositoryProps, TeamProps } from "../constructs/github";

/**
 * Void's GitHub organization: teams and repositories. People live in `maintainers/*.yaml`; this
 * file is the structure operators edit. Settings left out fall back to the provider's defaults.
 */
const ORGANIZATION = "void-linux";

const TEAMS = [
  { name: "pkg-committers", description: "The people with push access" },
  { name: "xbps-developers", description: "The people that build XBPS" },
  { name: "void-ops", description: "Infrastructure Operators" },
  { name: "doc-writers", description: "Document Writers" },
  { name: "webmasters", description: "Reviewers for voidlinux.org" },
  { name: "runit-devs", description: "Maintainers of runit" },
] as const satisfies readonly TeamProps[];

export type VoidTeam = (typeof TEAMS)[number]["name"];

/** A repository and which teams get which role on it (team name → permission). */
interface RepositorySpec extends RepositoryProps {
  readonly access: Readonly<Partial<Record<string, RepositoryPermission>>>;
}

/** The organization as the github stack builds it; people come from `maintainers/`. */
export interface GithubEstate {
  readonly organization: string;
  /**
   * `per-person` (one membership resource per person and team; Void's choice) or `per-team` (one
   * authoritative member list per team, for organizations too large to refresh person by person).
   * Default per-person.
   */
  readonly membershipMode?: MembershipMode;
  readonly teams: readonly TeamProps[];
  /** The operators' team: its members run the infrastructure, so joining it is a grant of power. */
  readonly operatorTeam: string;
  /** Settings every repository gets unless it sets its own; `topics` lead every repository's topics. */
  readonly repositoryDefaults: Pick<RepositoryProps, "hasIssues" | "topics">;
  readonly repositories: readonly RepositorySpec[];
}

/** A repository of Void's, with access by team name (a typo is a compile error). */
interface VoidRepository extends RepositoryProps {
  readonly access: Partial<Record<VoidTeam, RepositoryPermission>>;
}

const REPOSITORIES: readonly VoidRepository[] = [
  {
    name: "void-infrastructure",
    description: "Infrastructure configuration data for Void systems",
    homepageUrl: "https://voidlinux.org",
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false },
    access: { "void-ops": "push" },
  },
  {
    name: "void-packages",
    description: "The Void source packages collection",
    homepageUrl: "https://voidlinux.org",
    topics: ["hacktoberfest"],
    vulnerabilityAlerts: true,
    // Void's own code set it; provider 6.x would switch Discussions off if it were left unset.
    hasDiscussions: true,
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    access: { "pkg-committers": "push" },
  },
  {
    name: "void-mklive",
    description: "The Void Linux live image maker",
    homepageUrl: "https://voidlinux.org",
    topics: ["hacktoberfest"],
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    access: { "pkg-committers": "push" },
  },
  {
    name: "void-docs",
    description: "mdbook source for docs.voidlinux.org",
    homepageUrl: "https://docs.voidlinux.org",
    topics: ["hacktoberfest"],
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    access: { "doc-writers": "push", "pkg-committers": "push" },
  },
  {
    name: "void-wiki",
    description: "Components for wiki.voidlinux.org",
    homepageUrl: "https://voidlinux.org",
    archived: true,
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "void-texlive",
    description: "Components for packaging TeX into XBPS",
    homepageUrl: "https://voidlinux.org",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "void-runit",
    description: "runit init scripts for Void",
    homepageUrl: "https://voidlinux.org",
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    access: { "pkg-committers": "push" },
  },
  {
    name: "void-updates",
    description: "Update check system for void-packages",
    homepageUrl: "https://voidlinux.org",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "void-containers",
    description: "OCI container images for Void Linux",
    homepageUrl: "https://voidlinux.org",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "socklog-void",
    description: "SockLog configuration for Void Linux",
    homepageUrl: "https://voidlinux.org",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "xbps-bulk",
    description: "Builds a set of packages that need to be updated with inter-dependencies.",
    homepageUrl: "https://voidlinux.org",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "xbps-legacy-sign",
    description: "Sign xbps packages using xbps's quirks for backwards compatibility.",
    homepageUrl: "https://voidlinux.org",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "runit",
    description: "The init system for Void Linux.",
    homepageUrl: "https://voidlinux.org",
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    access: { "runit-devs": "push" },
  },
  {
    name: "internal-discussions",
    description: "A repo to hold internal discussions.",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "ircbot",
    description: "Void's IRC Notification Bot",
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    access: { "void-ops": "push" },
  },
  {
    name: "repo-exporter",
    description: "Prometheus exporter for XBPS Repos",
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    access: { "void-ops": "push" },
  },
  {
    name: "man-site",
    description: "Components related to man.voidlinux.org",
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false },
    access: { "pkg-committers": "push" },
  },
  {
    name: "netbsd-wtf",
    description: "NetBSD's wtf(6) adapted for Void Linux",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "libglob",
    description: "BSD glob(3) implementation with non-POSIX features",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "jbigkit-shared",
    description: "Autotools and libtool for JBIG-KIT version 2.1",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "musl-obstack",
    description: "A standalone library to implement GNU libc's obstack",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "musl-fts",
    description: "Implementation of fts(3) for musl libc packages in Void Linux",
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "openbsd-man",
    description: "The OpenBSD man(1) utility for Linux",
    archived: true,
    vulnerabilityAlerts: true,
    access: { "pkg-committers": "push" },
  },
  {
    name: "xmandump",
    description: "Dump all manpages in an XBPS package for use with man.cgi",
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    access: { "pkg-committers": "push" },
  },
  {
    name: "buildbot-theme",
    description: "Void Linux theme for Buildbot",
    vulnerabilityAlerts: true,
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    access: { "pkg-committers": "push" },
  },
  {
    name: ".github",
    description: "Default files for the org",
    vulnerabilityAlerts: true,
    access: { webmasters: "push" },
  },
  {
    name: "void-linux.github.io",
    description: "Void Linux website",
    homepageUrl: "https://voidlinux.org",
    topics: ["hacktoberfest"],
    vulnerabilityAlerts: true,
    pages: { cname: "voidlinux.org", branch: "master" },
    access: { webmasters: "push" },
  },
  {
    name: "xmirror",
    description: "Interactive script for changing XBPS mirrors",
    topics: ["hacktoberfest"],
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    pages: { cname: "xmirror.voidlinux.org", branch: "gh-pages" },
    access: { "pkg-committers": "push" },
  },
  {
    name: "xbps",
    description: "The X Binary Package System (XBPS)",
    homepageUrl: "https://voidlinux.org/xbps/",
    topics: ["hacktoberfest"],
    merge: { allowMergeCommit: false, allowSquashMerge: false },
    pages: { cname: "xbps-api-docs.voidlinux.org", branch: "gh-pages" },
    access: { "xbps-developers": "push" },
  },
];

export const GITHUB: GithubEstate = {
  organization: ORGANIZATION,
  teams: TEAMS,
  operatorTeam: "void-ops" satisfies VoidTeam,
  repositoryDefaults: { hasIssues: true, topics: ["voidlinux"] },
  repositories: REPOSITORIES,
};
