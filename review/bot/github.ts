/**
 * The slice of the GitHub API (Octokit, as actions/github-script hands it over) that the bots use,
 * typed structurally so tests pass a fake.
 */
interface PullRequest {
  readonly state: string;
  readonly head: { readonly sha: string };
  readonly user: { readonly login: string } | null;
  readonly requested_reviewers?: readonly { readonly login: string }[];
}

export interface PullFile {
  readonly filename: string;
  readonly previous_filename?: string;
}

export interface Review {
  readonly user: { readonly login: string } | null;
  readonly state: string;
  readonly commit_id: string;
}

type Params = Record<string, unknown>;
type Endpoint<T> = (params: Params) => Promise<{ readonly data: T }>;

export interface GitHubApi {
  paginate<T>(endpoint: unknown, params: Params): Promise<T[]>;
  readonly rest: {
    readonly pulls: {
      readonly get: Endpoint<PullRequest>;
      readonly listFiles: unknown;
      readonly listReviews: unknown;
      readonly requestReviewers: Endpoint<unknown>;
    };
    readonly issues: {
      readonly listComments: unknown;
      readonly createComment: Endpoint<{ readonly id: number }>;
      readonly updateComment: Endpoint<unknown>;
    };
    readonly repos: { readonly createCommitStatus: Endpoint<unknown> };
  };
}

/** What a workflow_run event says about the run that triggered the bot. */
interface TriggeringRun {
  readonly id: number;
  readonly name: string;
  readonly head_sha: string;
  readonly html_url: string;
}

interface BotContext {
  readonly repo: { readonly owner: string; readonly repo: string };
  readonly payload: { readonly workflow_run: TriggeringRun };
}

interface BotCore {
  setFailed(message: string): void;
  warning(message: string): void;
  info(message: string): void;
}

/** Everything a bot is given: the API, the event, the logger and the downloaded artifact's directory. */
export interface BotEnv {
  readonly github: GitHubApi;
  readonly context: BotContext;
  readonly core: BotCore;
  readonly artifactDir: string;
}
