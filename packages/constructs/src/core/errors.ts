import type { IConstruct } from "../cdktf";
import { didYouMean } from "./suggest";
import { firstDuplicate } from "./values";

/** A mistake in how a construct is used. The message starts with the construct path. */
export class ValidationError extends Error {
  override name = "ValidationError";
  constructor(scope: IConstruct, message: string) {
    super(`${scope.node.path}: ${message}`);
  }
}

/** Throws a {@link ValidationError} naming `scope` unless `condition` holds. */
export function check(
  scope: IConstruct,
  condition: unknown,
  message: string | (() => string),
): asserts condition {
  if (!condition) throw new ValidationError(scope, typeof message === "string" ? message : message());
}

/** Throws a {@link ValidationError} naming `scope` when a name of `what` occurs twice. */
export function checkUnique(scope: IConstruct, what: string, names: readonly string[]): void {
  const duplicate = firstDuplicate(names);
  check(scope, duplicate === undefined, () => `${what} "${duplicate}" is listed twice (expected each once)`);
}

/** The entry of `map` called `name`, or a {@link ValidationError} naming the reference and the known names. */
export function findDeclared<T>(
  scope: IConstruct,
  map: ReadonlyMap<string, T>,
  name: string,
  what: string,
): T {
  const found = map.get(name);
  if (found !== undefined) return found;
  const known = [...map.keys()];
  throw new ValidationError(
    scope,
    `${what} "${name}" is not declared${didYouMean(name, known)} (${known.length > 0 ? `expected one of: ${known.join(", ")}` : `no ${what} is declared yet`})`,
  );
}
