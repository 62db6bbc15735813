/**
 * Argument validation shared by the IPC layer and the web host: turns a zod failure into the
 * contract's `invalid-arguments` error with one issue per problem.
 */
import type { z } from 'zod';
import type { CepArgs, CepMethodName } from './api';
import { CepError, type CepIssue } from './errors';
import { methodArgs } from './methods';

export function toIssues(error: z.ZodError): CepIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
}

function describe(issues: CepIssue[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Parses the arguments of `method`, or throws a CepError('invalid-arguments'). */
export function parseArgs<M extends CepMethodName>(method: M, raw: unknown): CepArgs<M> {
  const schema = methodArgs[method] as unknown as z.ZodType<CepArgs<M>>;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  throw new CepError('invalid-arguments', `Invalid arguments for ${method}: ${describe(issues)}`, issues);
}
