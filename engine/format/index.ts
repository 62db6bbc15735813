/**
 * The Cepheus pattern document format (`*.cep.json`): schemas and types, loading (with migrations),
 * test cases saved with the pattern, stable serialization, semantic hash and diff, lowering to PatternSpec and back, a Flink-style
 * builder, and a plain-language description.
 */
export {
  CURRENT_VERSION,
  FLINK_WATERMARK_INTERVAL_MS,
  FORMAT_ID,
  ContiguitySchema,
  EdgeSchema,
  EventSchemaSchema,
  FieldTypeSchema,
  GroupNodeSchema,
  InnerContiguitySchema,
  LayoutSchema,
  NodeLayoutSchema,
  PatternDocumentSchema,
  PatternNodeSchema,
  QuantifierSchema,
  SettingsSchema,
  SkipSchema,
  StageNodeSchema,
  TimeSettingsSchema,
  WithinTypeSchema,
} from './schema';
export type {
  DocEventSchema,
  DocQuantifier,
  DocSkip,
  GroupNode,
  Layout,
  NodeLayout,
  PatternDocument,
  PatternEdge,
  PatternNode,
  PatternSettings,
  StageNode,
  TimeSettings,
} from './schema';
export {
  EventRefSchema,
  ExpectationSchema,
  TestCaseSchema,
  TestSourceSchema,
  TestTimeSchema,
  testTimeMs,
  type EventRef,
  type Expectation,
  type TestCase,
  type TestSource,
  type TestTime,
} from './tests-schema';
export { loadDocument, type LoadResult } from './load';
export { MAX_PATTERN_NODES, MAX_PATTERN_EDGES } from './size-limit';
export { parseJsonText, type JsonParseResult } from './json-text';
export { MIGRATIONS, type Migration } from './migrations';
export { serializeDocument, normalizeDocument, canonicalJson } from './serialize';
export { semanticHash, semanticContent } from './semantic';
export { sha256Hex } from './sha256';
export {
  diffDocuments,
  diffVersions,
  summarizeChanges,
  type MetaChange,
  type SemanticChange,
  type VersionChange,
} from './diff';
export { documentToSpec, nodeLabel, type SpecResult } from './to-spec';
export { specToDocument, STAGE_SIZE, type SpecToDocumentOptions } from './from-spec';
export { Pattern, PatternBuildError, type SkipInput } from './builder';
export { describePattern } from './describe';
export { durationText, quantifierText } from './phrases';
export { allNodes, allEdges, type NodeVisit, type EdgeVisit } from './walk';
