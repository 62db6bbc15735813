/** Conformance runner for Flink CEP test vectors (see shared/conformance/README.md). */
export { parseVectors, vectorSchema, type ConformanceVector, type ParseVectorsResult } from './vector-schema';
export { runVector, runVectors, type VectorOutcome } from './run';
export { patternOf, eventRecordOf } from './translate';
