/**
 * The open pattern's working copy: what the canvas, the inspector and the JSON view all edit.
 *
 * Every document edit goes through `set` with a new `document` and is recorded by zundo's temporal
 * middleware (undo/redo). Only `document` is tracked: selection and focus are session state, so undo
 * never "undoes a click". Bursts of the same edit (typing a condition, nudging a node) are coalesced
 * into one undo step. Dirty is derived: the serialized working copy differs from the last saved one,
 * which keeps it right through undo/redo (undoing back to the saved text is clean again).
 */
import { temporal } from 'zundo';
import { create } from 'zustand';
import { serializeDocument } from '../../engine/format/serialize';
import type {
  DocEventSchema,
  GroupNode,
  PatternDocument,
  PatternEdge,
  PatternSettings,
  StageNode,
} from '../../engine/format/schema';
import { mapEdge, mapNode } from '../canvas/doc-tree';

export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

export interface FocusRequest {
  nodeId?: string;
  edgeId?: string;
  /** Changes on every request so asking twice for the same node re-centres it. */
  nonce: number;
}

export interface EditOptions {
  /** Edits with the same key within COALESCE_MS of each other become one undo step. */
  coalesceKey?: string;
}

export interface DocumentState {
  patternId: string | null;
  /** Working copy (semantics + layout). */
  document: PatternDocument | null;
  /** serializeDocument of the last saved or loaded version; dirty = the working copy differs. */
  savedSerialized: string | null;
  selection: Selection;
  focusRequest: FocusRequest | null;
  /** Label of the newest edit (shown in the undo tooltip). */
  lastEditLabel: string | null;
  /**
   * Opens a document; clears history and selection. `savedSerialized` defaults to the document's own
   * text; pass the stored text when `doc` was adjusted on load (laid out) so that counts as unsaved.
   */
  load(patternId: string, doc: PatternDocument, savedSerialized?: string): void;
  /** Closes the working copy (pattern deleted or closed). */
  unload(): void;
  /** One undo step (JSON view, restore version, auto-layout). */
  replaceDocument(doc: PatternDocument, label?: string): void;
  /**
   * Completes the newest change without an undo step of its own (positions for nodes that arrived
   * without any): undo then goes back past the change, not to a half-made version of it.
   */
  amend(doc: PatternDocument): void;
  /** Any document edit as one undo step; `recipe` returns the same object for "no change". */
  edit(label: string, recipe: (doc: PatternDocument) => PatternDocument, options?: EditOptions): void;
  updateStage(nodeId: string, patch: Partial<StageNode>): void;
  updateGroup(nodeId: string, patch: Partial<GroupNode>): void;
  updateEdge(edgeId: string, patch: Partial<PatternEdge>): void;
  updateSettings(patch: Partial<PatternSettings>): void;
  setEventSchema(schema: DocEventSchema | null): void;
  setMeta(patch: { name?: string; description?: string }): void;
  select(sel: { nodeIds?: string[]; edgeIds?: string[] }): void;
  /** Select + ask the canvas to centre the node or edge. */
  focus(target: { nodeId?: string; edgeId?: string }): void;
  markSaved(serialized: string): void;
}

/** Typing pauses longer than this start a new undo step. */
export const COALESCE_MS = 1000;

const emptySelection: Selection = { nodeIds: [], edgeIds: [] };

/** Coalescing memory lives outside the store: it is bookkeeping, not state anyone renders. */
const burst = { key: null as string | null, at: 0 };

/** Ends the current typing burst, so the next edit is its own undo step (called on undo/redo/load). */
export function breakCoalescing(): void {
  burst.key = null;
}

const patchKey = (prefix: string, id: string, patch: object): string =>
  `${prefix}:${id}:${Object.keys(patch).sort().join(',')}`;

export const useDocumentStore = create<DocumentState>()(
  temporal(
    (set, get) => {
      const edit = (
        label: string,
        recipe: (doc: PatternDocument) => PatternDocument,
        options: EditOptions = {},
      ): void => {
        const current = get().document;
        if (!current) return;
        const next = recipe(current);
        if (next === current) return;
        const now = Date.now();
        const merge =
          options.coalesceKey !== undefined &&
          burst.key === options.coalesceKey &&
          now - burst.at < COALESCE_MS;
        burst.key = options.coalesceKey ?? null;
        burst.at = now;
        const history = useDocumentStore.temporal.getState();
        if (merge) history.pause();
        try {
          set({ document: next, lastEditLabel: label });
        } finally {
          if (merge) history.resume();
        }
      };
      return {
        patternId: null,
        document: null,
        savedSerialized: null,
        selection: emptySelection,
        focusRequest: null,
        lastEditLabel: null,
        load: (patternId, doc, savedText) => {
          breakCoalescing();
          const history = useDocumentStore.temporal.getState();
          history.pause();
          set({
            patternId,
            document: doc,
            savedSerialized: savedText ?? serializeDocument(doc),
            selection: emptySelection,
            focusRequest: null,
            lastEditLabel: null,
          });
          history.resume();
          history.clear();
        },
        unload: () => {
          breakCoalescing();
          const history = useDocumentStore.temporal.getState();
          history.pause();
          set({
            patternId: null,
            document: null,
            savedSerialized: null,
            selection: emptySelection,
            focusRequest: null,
            lastEditLabel: null,
          });
          history.resume();
          history.clear();
        },
        replaceDocument: (doc, label = 'Replace document') => edit(label, () => doc),
        amend: (doc) => {
          const history = useDocumentStore.temporal.getState();
          history.pause();
          try {
            set({ document: doc });
          } finally {
            history.resume();
          }
        },
        edit,
        updateStage: (nodeId, patch) =>
          edit(
            'Edit stage',
            (doc) =>
              mapNode(doc, nodeId, (n) =>
                n.kind === 'stage' ? { ...n, ...patch, kind: 'stage', id: n.id } : n,
              ),
            {
              coalesceKey: patchKey('stage', nodeId, patch),
            },
          ),
        updateGroup: (nodeId, patch) =>
          edit(
            'Edit group',
            (doc) =>
              mapNode(doc, nodeId, (n) =>
                n.kind === 'group' ? { ...n, ...patch, kind: 'group', id: n.id } : n,
              ),
            {
              coalesceKey: patchKey('group', nodeId, patch),
            },
          ),
        updateEdge: (edgeId, patch) =>
          edit('Edit connection', (doc) => mapEdge(doc, edgeId, (e) => ({ ...e, ...patch, id: e.id })), {
            coalesceKey: patchKey('edge', edgeId, patch),
          }),
        updateSettings: (patch) =>
          edit('Edit settings', (doc) => ({ ...doc, settings: { ...doc.settings, ...patch } }), {
            coalesceKey: patchKey('settings', '', patch),
          }),
        setEventSchema: (schema) =>
          edit('Edit event schema', (doc) => ({ ...doc, eventSchema: schema }), {
            coalesceKey: 'event-schema',
          }),
        setMeta: (patch) =>
          edit('Edit name and description', (doc) => ({ ...doc, ...patch }), {
            coalesceKey: patchKey('meta', '', patch),
          }),
        select: (sel) => set({ selection: { nodeIds: sel.nodeIds ?? [], edgeIds: sel.edgeIds ?? [] } }),
        focus: (target) =>
          set((s) => ({
            selection: {
              nodeIds: target.nodeId ? [target.nodeId] : [],
              edgeIds: target.edgeId ? [target.edgeId] : [],
            },
            focusRequest: { ...target, nonce: (s.focusRequest?.nonce ?? 0) + 1 },
          })),
        markSaved: (serialized) => set({ savedSerialized: serialized }),
      };
    },
    {
      partialize: (state): { document: PatternDocument | null } => ({ document: state.document }),
      // Selecting, focusing or saving must not create undo steps.
      equality: (past, current) => past.document === current.document,
      limit: 200,
    },
  ),
);

const serializedCache = new WeakMap<PatternDocument, string>();

/** serializeDocument, memoized per document object (documents are immutable). */
export function serializedOf(doc: PatternDocument): string {
  let text = serializedCache.get(doc);
  if (text === undefined) {
    text = serializeDocument(doc);
    serializedCache.set(doc, text);
  }
  return text;
}

export function isDirty(state: Pick<DocumentState, 'document' | 'savedSerialized'>): boolean {
  if (!state.document) return false;
  return serializedOf(state.document) !== state.savedSerialized;
}

export function undo(): void {
  breakCoalescing();
  useDocumentStore.temporal.getState().undo();
}

export function redo(): void {
  breakCoalescing();
  useDocumentStore.temporal.getState().redo();
}
