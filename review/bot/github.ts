/**
 * The slice of the GitHub API (Octokit, as actions/github-script hands it over) that the bots use,
 * typed structurally so tests pass a fake.
 */
export interface PullRequest {
  readonly number: number;
  readonly state: string;
  readonly head: { readonly sha: string };
  readonly base: { readonly ref: string };
  readonly user: { readonly login: string } | null;
  readonly requested_reviewers?: readonly { readonly login: string }[];
  readonly merged_at?: string | null;
  readonly merge_commit_sha?: string | null;
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

/** A check run as the checks API lists it. */
export interface CheckRun {
  readonly id: number;
  readonly name: string;
  readonly status: string;
  readonly conclusion: string | null;
  readonly app: { readonly slug: string } | null;
  readonly output: { readonly title: string | null; readonly summary: string | null };
}

type Params = Record<string, unknown>;
type Endpoint<T> = (params: Params) => Promise<{ readonly data: T }>;

export interface GitHubApi {
  paginate<T>(endpoint: unknown, params: Params): Promise<T[]>;
  readonly rest: {
    readonly pulls: {
      readonly get: Endpoint<PullRequest>;
      readonly list: unknown;
      readonly listFiles: unknown;
      readonly listReviews: unknown;
      readonly requestReviewers: Endpoint<unknown>;
    };
    readonly issues: {
      readonly listComments: unknown;
      readonly createComment: Endpoint<{ readonly id: number }>;
      readonly updateComment: Endpoint<unknown>;
    };
    readonly actions: {
      readonly getWorkflowRun: Endpoint<TriggeringRun>;
      readonly listWorkflowRuns: Endpoint<{ readonly workflow_runs: readonly TriggeringRun[] }>;
    };
    readonly repos: {
      readonly getBranch: Endpoint<{ readonly commit: { readonly sha: string } }>;
      readonly listPullRequestsAssociatedWithCommit: Endpoint<readonly PullRequest[]>;
      readonly getCommit: Endpoint<{ readonly parents: readonly { readonly sha: string }[] }>;
    };
    readonly checks: {
      readonly create: Endpoint<{ readonly id: number }>;
      readonly listForRef: Endpoint<{ readonly check_runs: readonly CheckRun[] }>;
    };
  };
}

/** What a workflow_run event says about the run that triggered the bot. */
export interface TriggeringRun {
  readonly id: number;
  readonly name: string;
  readonly head_sha: string;
  /** The branch the run ran on (for a pull request's, the pull request's branch). */
  readonly head_branch?: string | null;
  readonly html_url: string;
  /** The run's title (its `run-name`). */
  readonly display_title?: string;
  readonly conclusion?: string | null;
  /** The event that started the run (`pull_request`, `workflow_run`, …). */
  readonly event?: string;
  /** The workflow file, `.github/workflows/<name>.yml`. */
  readonly path?: string;
}

interface BotContext {
  readonly repo: { readonly owner: string; readonly repo: string };
  /** The event that started this run (`workflow_run`, `push`). */
  readonly eventName?: string;
  /** The branch or tag of a push (`refs/heads/main`). */
  readonly ref?: string;
  readonly runId?: number;
  readonly serverUrl?: string;
  readonly payload: {
    readonly workflow_run: TriggeringRun;
    /** `requested`, `in_progress` or `completed`. */
    readonly action?: string;
    readonly repository?: { readonly default_branch: string };
  };
}

interface BotCore {
  setFailed(message: string): void;
  warning(message: string): void;
  info(message: string): void;
}

/** What a bot in a job of review-comment.yml is given: the event, the job's `env:`, and where its artifacts are. */
export interface ReviewBotEnv {
  readonly github: GitHubApi;
  /** The event: `workflow_run` (after ci or a review) or `push` (to the default branch). */
  readonly context: Omit<BotContext, "payload"> & {
    readonly payload: { readonly workflow_run?: TriggeringRun };
  };
  readonly core: BotCore & { setOutput(name: string, value: string): void };
  /** The job's environment variables (the values the workflow hands over through `env:`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The runner's temporary directory, where the job downloads artifacts. */
  readonly temp: string;
}

/** What a job that was run by hand (workflow_dispatch) gives a bot. */
export interface DispatchEnv {
  readonly github: GitHubApi;
  readonly context: {
    readonly repo: { readonly owner: string; readonly repo: string };
    /** The commit the run is for. */
    readonly sha: string;
    /** The ref the run is for, `refs/heads/main`. */
    readonly ref: string;
    readonly runId: number;
    readonly serverUrl: string;
  };
  readonly core: BotCore & { setOutput(name: string, value: string): void };
  /** The job's environment variables (the values the workflow hands over through `env:`). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Everything a bot is given: the API, the event, the logger and the downloaded artifact's directory. */
export interface BotEnv {
  readonly github: GitHubApi;
  readonly context: BotContext;
  readonly core: BotCore;
  readonly artifactDir: string;
}
