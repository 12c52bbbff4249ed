import type { IConstruct } from "constructs";

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
