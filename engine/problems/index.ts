/** Problems of a pattern document: independent validation (lint rules included, see engine/lint) and quick fixes. */
export { validatePattern, type ValidatePatternOptions } from './validate-pattern';
export { applyFix } from './apply-fix';
export { proposedTimeField } from './settings-rules';
export { inWords, pathInWords } from './schema-words';
