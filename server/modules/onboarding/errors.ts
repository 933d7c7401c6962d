// What the installer did wrong, in sentences: the command line prints them and exits non-zero.
// Thrown before a write or inside the transaction (which then rolls back): nothing is half done.
export class OnboardingError extends Error {
  constructor(
    message: string,
    /** One line per problem (a field, a row of a file), shown under the message. */
    public readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'OnboardingError';
  }
}
