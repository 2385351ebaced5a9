/** An error whose message is one clear line for the person at the terminal. */
export class CliError extends Error {
  override name = 'CliError';
}
