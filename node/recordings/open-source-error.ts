/** Raised when the file cannot be read at all; the message names the file and the cause. */
export class SourceOpenError extends Error {
  override name = 'SourceOpenError';
}
