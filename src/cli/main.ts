/**
 * The `ctcl` command line: program setup, Vietnamese help, error printing and exit codes.
 * Each command lives in src/cli/commands/<name>.ts and registers itself on the program.
 * `run` is what tests call in-process; `main` is what bin/ctcl.js calls.
 */
import { Command, CommanderError, type Argument } from 'commander';
import { version } from '../../package.json';
import { UserError } from '../domain/errors';
import { registerCheck } from './commands/check';
import { registerFix } from './commands/fix';
import { registerNew } from './commands/new';
import { registerReportFromPlan } from './commands/report-from-plan';
import { registerRoll } from './commands/roll';
import { CliError, CommandExit, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './context';

export { EXIT_FAILURE, EXIT_FINDINGS, EXIT_NOTHING_TO_FIX, EXIT_OK, EXIT_USAGE, type CliIo } from './context';

/** Section titles of commander's built-in help, in Vietnamese. */
const HELP_TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Đối số:',
  'Options:': 'Tùy chọn:',
  'Global Options:': 'Tùy chọn chung:',
  'Commands:': 'Lệnh:',
};

function argName(a: Argument): string {
  const n = a.name() + (a.variadic ? '...' : '');
  return a.required ? `<${n}>` : `[${n}]`;
}

/** The commands, in the order they are registered (and listed in the help). New commands go here. */
const COMMANDS: readonly ((program: Command, io: CliIo) => void)[] = [
  registerNew,
  registerCheck,
  registerFix,
  registerReportFromPlan,
  registerRoll,
];

export function createProgram(io: CliIo): Command {
  const program = new Command('ctcl');
  program
    .description(
      'ctcl — Cải tiến chất lượng: tạo bảng kế hoạch cải tiến chất lượng giáo dục và báo cáo kết quả thực hiện ' +
        '(Thông tư 17, 18, 19/2018 và Thông tư 57/2026) trong tệp Word.',
    )
    .usage('<lệnh> [tùy chọn]')
    .version(version, '-V, --version', 'Hiện số phiên bản')
    .helpOption('-h, --help', 'Hiện hướng dẫn')
    .helpCommand('help [lệnh]', 'Hiện hướng dẫn của một lệnh')
    .configureHelp({
      styleTitle: (title: string) => HELP_TITLES[title] ?? title,
      subcommandTerm: (cmd: Command) => [cmd.name(), ...cmd.registeredArguments.map(argName)].join(' '),
    })
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Commander's own (English) error lines are replaced by the Vietnamese ones printed in run().
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const register of COMMANDS) register(program, io);
  // Commands made with .command() inherit the help, output and exit settings set above.
  for (const cmd of program.commands) cmd.helpOption('-h, --help', 'Hiện hướng dẫn của lệnh này');
  program.addHelpText('after', '\nXem hướng dẫn của một lệnh: ctcl <lệnh> --help (ví dụ: ctcl new --help, ctcl check --help).\n');
  return program;
}

/** Commander's error, in Vietnamese. Commander's message is English; the details are picked out of it. */
function commanderMessage(e: CommanderError): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  const suggestion = /Did you mean (.+?)\?/.exec(e.message)?.[1];
  const hint = suggestion ? ` Có phải ý bạn là «${suggestion}»?` : '';
  switch (e.code) {
    case 'commander.unknownOption':
      return `Không có tùy chọn «${quoted}».${hint}`;
    case 'commander.unknownCommand':
      return `Không có lệnh «${quoted}».${hint}`;
    case 'commander.missingArgument':
      return `Thiếu đối số bắt buộc <${quoted}>.`;
    case 'commander.optionMissingArgument':
      return `Tùy chọn «${quoted}» cần một giá trị.`;
    case 'commander.missingMandatoryOptionValue':
      return `Thiếu tùy chọn bắt buộc «${quoted}».`;
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(e.message);
      return m ? `Thừa đối số: lệnh nhận ${m[1]} đối số nhưng có ${m[2]}.` : 'Thừa đối số.';
    }
    case 'commander.conflictingOption':
      return 'Hai tùy chọn này không dùng cùng nhau được.';
    case 'commander.invalidArgument':
      return e.message.replace(/^error:\s*/, '');
    default:
      return e.message.replace(/^error:\s*/, '');
  }
}

/** Print an error and return the exit code. */
function report(e: unknown, io: CliIo, argv: readonly string[], program: Command): number {
  const cmd = program.commands.find((c) => c.name() === argv[0]);
  const helpHint = `Xem hướng dẫn: ctcl ${cmd ? `${cmd.name()} ` : ''}--help\n`;
  if (e instanceof CommanderError) {
    // --help and --version end the parse with an "error" that is not one.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT_OK;
    // `ctcl help <lệnh>` ends with exit code 0; a missing command prints the help on stderr with code 1.
    if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    io.stderr(`Lỗi: ${commanderMessage(e)}\n${helpHint}`);
    return EXIT_USAGE;
  }
  if (e instanceof CommandExit) return e.exitCode;
  if (e instanceof CliError) {
    io.stderr(`Lỗi: ${e.message}\n`);
    return e.exitCode;
  }
  // Any other UserError already explains bad input in Vietnamese.
  if (e instanceof UserError) {
    io.stderr(`Lỗi: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.stderr(`Lỗi không mong đợi, xin báo cho nhóm phát triển:\n${detail}\n`);
  return EXIT_FAILURE;
}

/** Run ctcl with the arguments after the program name; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    return report(e, io, argv, program);
  }
}

/** Entry point for bin/ctcl.js: real stdout/stderr, the exit code on the process. */
export function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `ctcl --help | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw e;
  });
  return run(argv, {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    progress: process.stderr.isTTY ? process.stderr : undefined,
  }).then((code) => {
    process.exitCode = code;
  });
}
