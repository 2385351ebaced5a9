import { CliError } from '../errors';

export async function run(_args: string[]): Promise<number> {
  throw new CliError('this command is not built yet');
}
