// Errors the user can fix. Its own module so that library code never imports the CLI entry point.

/** A failure the user can fix: printed without a stack trace, exit code 2. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}
