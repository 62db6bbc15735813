/**
 * The CLI's own help, apart from the commands: the built launcher prints it without loading the CLI
 * bundle, so `cepheus --help` costs little more than starting Node.
 */
export const MAIN_HELP = `Usage: cepheus <command> [options]

Commands:
  validate <pattern>              check a pattern and list its problems
  run <pattern> <events>          run a pattern over events; matches as JSON Lines
  test <pattern…>                 run the tests saved in patterns; "N passed, M failed"
  diff <old> <new> <events>       what a change catches: gained/lost/changed matches as JSON Lines
  export <pattern> --to FORMAT    write json | flink-json | flink-java | flink-sql
  import <flink-json>             turn a Flink dynamic-CEP rule into a Cepheus pattern
  conformance <vectors.json…>     run Flink conformance vectors
  bench                           run the benchmarks

Run "cepheus <command> --help" for the options of a command.`;

/** `cepheus`, `cepheus --help`, `-h` and `help` alone print the help above. */
export function asksForMainHelp(argv: readonly string[]): boolean {
  const [command, ...rest] = argv;
  return !command || command === '--help' || command === '-h' || (command === 'help' && rest.length === 0);
}
