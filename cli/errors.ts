/** An expected failure: printed as a plain message (no stack) with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 1: the input is wrong (bad pattern, refused export); 2: usage or unreadable file. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
