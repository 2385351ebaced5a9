/**
 * The catalog CLI: a thin Node adapter over core/. `npm run --silent catalog -- <command> …`.
 * Each command lives in cli/commands/<command>.ts and returns its exit code; errors a user can act on are
 * `CliError`s, printed as one line on stderr with no stack.
 */
import { CliError } from './errors';

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  parse: () => import('./commands/parse'),
  match: () => import('./commands/match'),
  search: () => import('./commands/search'),
  serve: () => import('./commands/serve'),
};

const usage = 'usage: catalog <parse|match|search|serve> … (see README.md)';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) throw new CliError(name ? `unknown command "${name}"; ${usage}` : usage);
  return (await load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`catalog: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  },
);
