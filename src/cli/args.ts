/** A small, strict argument parser: unknown options are usage errors (exit 2), never ignored. */
import { UserError } from '../errors';
export class UsageError extends UserError {}

export type OptionSpec = Record<string, { takesValue: boolean; alias?: string }>;

export type ParsedArgs = { positional: string[]; options: Map<string, string | true> };

export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const byAlias = new Map(Object.entries(spec).flatMap(([name, s]) => (s.alias ? [[s.alias, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const rawName = eq > 0 ? arg.slice(0, eq) : arg;
      const name = rawName.startsWith('--') ? rawName.slice(2) : byAlias.get(rawName.slice(1));
      const s = name !== undefined ? spec[name] : undefined;
      if (name === undefined || !s) throw new UsageError(`未知选项 ${rawName}`);
      if (s.takesValue) {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') throw new UsageError(`选项 ${rawName} 需要一个值`);
        options.set(name, value);
      } else {
        if (eq > 0) throw new UsageError(`选项 ${rawName} 不带值`);
        options.set(name, true);
      }
    } else positional.push(arg);
  }
  return { positional, options };
}
