/**
 * Usage errors as one clear line, the way scenario files report a misspelt key: an option
 * typo gets "did you mean --replications?", an unknown command the list of commands.
 *
 *   yargs .fail(msg) ─▶ usageError ─▶ unknown command?  ─▶ MSG.unknownCommand
 *                                     unknown option?   ─▶ MSG.unknownOption (nearest valid name)
 *                                     extra positional? ─▶ MSG.extraArgument
 *                                     anything else     ─▶ yargs's own message
 *
 * Unknown options are looked for first, whatever yargs complained about: `--sett x` makes
 * yargs report the missing `--set`, but the typo is what the user must fix. The valid
 * names come from our command modules themselves.
 */
import type { CommandModule } from 'yargs';
import { InputError, MSG, inputError } from '../messages.js';
import { nearest } from '../nearest.js';

/** Options every command takes (main.ts declares --debug; yargs adds --help and --version). */
const GLOBAL_OPTIONS = ['help', 'version', 'debug'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Command = CommandModule<any, any>;

/** The InputError for a yargs failure message `msg` on these arguments. */
export function usageError(msg: string, args: readonly string[], commands: readonly Command[]): InputError {
  const words = beforeTerminator(args);
  const typedCommand = words.find((w) => !w.startsWith('-'));
  const names = commands.map(commandName);
  const command = typedCommand === undefined ? undefined : commands.find((c) => commandNames(c).includes(typedCommand));
  if (typedCommand !== undefined && !command) {
    return inputError(MSG.unknownCommand(typedCommand, nearest(typedCommand, names), names));
  }
  const declared = command ? optionNames(command) : { long: [], aliases: [] };
  const long = [...declared.long, ...GLOBAL_OPTIONS];
  const help = command ? `ccsim ${commandName(command)} --help` : 'ccsim --help';
  const accepted = new Set([...long, ...declared.aliases, ...long.map(camelCase), ...long.map((n) => `no-${n}`)]);
  const flags = [...new Set(typedFlags(words).filter((f) => !accepted.has(f)))];
  if (flags.length > 0) {
    const guesses = flags.flatMap((f) => {
      const guess = nearest(f, long);
      return guess === undefined ? [] : [[dashed(f), dashed(guess)] as const];
    });
    return inputError(MSG.unknownOption(flags.map(dashed), guesses, help));
  }
  const extra = (unknownArguments(msg) ?? []).filter((name) => words.includes(name));
  if (command && extra.length > 0) return inputError(MSG.extraArgument(extra, commandName(command)));
  return new InputError({ what: msg, fix: `see \`${help}\`` });
}

/**
 * Options that may be given more than once without being declared `array: true`: their
 * handlers take a list (`staff --target`, `sweep --set`, `whatif --vary`).
 */
const REPEATABLE = new Set(['target', 'set', 'vary']);

/**
 * Refuse a one-value option given twice (yargs would hand the handler a list, and one value
 * would win or the handler would fail): the same rule as a duplicate key in a scenario file.
 */
export function refuseRepeats(argv: { _: (string | number)[]; [key: string]: unknown }, commands: readonly Command[]): void {
  const command = commands.find((c) => commandNames(c).includes(String(argv._[0])));
  if (!command) return;
  const declared = optionNames(command);
  for (const name of declared.long) {
    const value = argv[name];
    if (Array.isArray(value) && !REPEATABLE.has(name) && !declared.arrays.includes(name)) {
      throw inputError(MSG.flagRepeated(dashed(name), value.map(String)), { path: dashed(name) });
    }
  }
}

/** `max-iterations` → `maxIterations`: yargs accepts both spellings. */
function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The names in yargs's "Unknown argument(s): a, b" (its English text: main.ts pins the locale). */
function unknownArguments(msg: string): string[] | undefined {
  const m = /^Unknown arguments?: (.*)$/.exec(msg);
  return m ? (m[1] as string).split(', ') : undefined;
}

/** Everything before a bare `--` (after it, words are values, never options). */
function beforeTerminator(args: readonly string[]): string[] {
  const end = args.indexOf('--');
  return end < 0 ? [...args] : args.slice(0, end);
}

/** The option names typed, without dashes or `=value`: `--seed=3` → `seed`, `-r` → `r`; `-5` is a value. */
function typedFlags(words: readonly string[]): string[] {
  return words.filter((w) => /^--?[^-\d.]/.test(w)).map((w) => w.replace(/^--?/, '').replace(/=.*$/, ''));
}

function dashed(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

function commandName(c: Command): string {
  return String(c.command).split(' ')[0] as string;
}

function commandNames(c: Command): string[] {
  const aliases = c.aliases === undefined ? [] : Array.isArray(c.aliases) ? c.aliases : [c.aliases];
  return [commandName(c), ...aliases];
}

/**
 * The option names, aliases and list options a command declares, read by running its builder
 * against a recorder that answers every yargs call with itself and notes each `.option(name, opts)`.
 */
function optionNames(c: Command): { long: string[]; aliases: string[]; arrays: string[] } {
  const long: string[] = [];
  const aliases: string[] = [];
  const arrays: string[] = [];
  const note = (name: string, opts: { alias?: string | readonly string[]; array?: boolean; type?: string } | undefined) => {
    long.push(name);
    if (opts?.array || opts?.type === 'array') arrays.push(name);
    if (opts?.alias !== undefined) aliases.push(...(Array.isArray(opts.alias) ? opts.alias : [opts.alias as string]));
  };
  const recorder: object = new Proxy(
    {},
    {
      get: (_target, method) => (...callArgs: unknown[]) => {
        if (method === 'option' && typeof callArgs[0] === 'string') note(callArgs[0], callArgs[1] as Parameters<typeof note>[1]);
        return recorder;
      },
    },
  );
  if (typeof c.builder === 'function') (c.builder as (y: unknown) => unknown)(recorder);
  else if (c.builder) for (const [name, opts] of Object.entries(c.builder)) note(name, opts as Parameters<typeof note>[1]);
  return { long, aliases, arrays };
}
