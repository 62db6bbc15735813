/** Importers: Flink dynamic-CEP JSON → a Cepheus pattern document. */
export { importFlinkJson, type ImportResult, type ImportOptions } from './flink-json';
export { aviatorToCondition, type AviatorImport } from './aviator';
