// One error type for refusals the user should understand, mapped at each edge: a form result, a JSON
// status, or notFound() (docs/decisions/0007-errors.md).
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "VALIDATION" | "CONFLICT" | "REFUSED" | "UNAUTHENTICATED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFoundError = (what = "record") =>
  new AppError("NOT_FOUND", `That ${what} was not found. It may have been removed, or the link is wrong.`);

export const forbiddenError = (action: string) =>
  new AppError("FORBIDDEN", `Your role does not allow you to ${action}. Ask your team manager if you need this.`);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
