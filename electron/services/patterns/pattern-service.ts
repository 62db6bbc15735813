/**
 * The `patterns` group of CepApi: library, saving, versions, history.
 *
 * Saving replaces the working document every time (so autosave and layout edits persist). A version
 * is recorded only when asked (`createVersion`, the default; autosave says no) and only when the
 * document differs from the newest version in meaning (semantic hash), name or description: moving a
 * node is never a version. Versions are immutable except for their label.
 */
import { randomUUID } from 'node:crypto';
import {
  CepError,
  type PatternDetail,
  type PatternMethods,
  type PatternVersionDetail,
  type SaveResult,
} from '../../contract';
import type { PushHub } from '../push-hub';
import { asyncGroup, type SyncGroup } from '../sync-group';
import { diffVersions, loadDocument, summarizeChanges, type PatternDocument } from '../../../engine/format';
import { checkDocument, type CheckedDocument } from './document-check';
import { type PatternStore, toSummary, toVersionInfo, type PatternRow } from './pattern-store';

export interface PatternServiceDeps {
  store: PatternStore;
  hub: PushHub;
  /** ISO timestamp of "now"; injected so tests control time. */
  now: () => string;
}

function toDetail(row: PatternRow): PatternDetail {
  return {
    ...toSummary(row),
    document: JSON.parse(row.document) as unknown,
    semanticHash: row.semantic_hash,
  };
}

export function createPatternService({ store, hub, now }: PatternServiceDeps): PatternMethods {
  return asyncGroup<PatternMethods>(createSyncPatternService({ store, hub, now }));
}

function createSyncPatternService({ store, hub, now }: PatternServiceDeps): SyncGroup<PatternMethods> {
  function mustFind(id: string): PatternRow {
    const row = store.find(id);
    if (!row) throw new CepError('not-found', `No pattern with id "${id}"`);
    return row;
  }

  function insertNew(name: string, doc: CheckedDocument, message: string | null): PatternRow {
    const id = randomUUID();
    const at = now();
    store.transaction(() => {
      store.insertPattern({
        id,
        name,
        document: doc.json,
        semantic_hash: doc.semanticHash,
        created_at: at,
        updated_at: at,
      });
      store.insertVersion({
        patternId: id,
        version: 1,
        document: doc.json,
        semanticHash: doc.semanticHash,
        formatVersion: doc.formatVersion,
        createdAt: at,
        message,
      });
    });
    return mustFind(id);
  }

  /** Name and description of a stored document (what a version shows besides its meaning). */
  function metaOf(json: string): { name: unknown; description: unknown } {
    const parsed = JSON.parse(json) as { name?: unknown; description?: unknown };
    return { name: parsed.name, description: parsed.description };
  }

  /** Does `doc` differ from the newest version in meaning, name or description? */
  function differsFromLatest(id: string, latest: number, doc: CheckedDocument): boolean {
    const row = store.version(id, latest);
    if (!row) return true;
    if (row.semantic_hash !== doc.semanticHash) return true;
    const a = metaOf(row.document);
    const b = metaOf(doc.json);
    return a.name !== b.name || a.description !== b.description;
  }

  /** Writes `doc` as the working copy, and as a new version when asked and it differs from the newest. */
  function commit(
    id: string,
    doc: CheckedDocument,
    message: string | null,
    createVersion = true,
  ): SaveResult {
    const at = now();
    const versionCreated = store.transaction(() => {
      const current = mustFind(id);
      const changed = createVersion && differsFromLatest(id, current.latest_version, doc);
      if (changed) {
        store.insertVersion({
          patternId: id,
          version: current.latest_version + 1,
          document: doc.json,
          semanticHash: doc.semanticHash,
          formatVersion: doc.formatVersion,
          createdAt: at,
          message,
        });
      }
      store.updateDocument(id, doc.json, doc.semanticHash, at);
      return changed;
    });
    return { pattern: toDetail(mustFind(id)), versionCreated };
  }

  return {
    list: () => store.list().map(toSummary),

    get: ({ id }) => toDetail(mustFind(id)),

    create: ({ name, document }) => {
      const row = insertNew(name, checkDocument(document), null);
      hub.publish('patterns.changed', { id: row.id, kind: 'created', latestVersion: row.latest_version });
      return toDetail(row);
    },

    save: ({ id, document, message, createVersion }) => {
      const result = commit(id, checkDocument(document), message ?? null, createVersion ?? true);
      hub.publish('patterns.changed', { id, kind: 'saved', latestVersion: result.pattern.latestVersion });
      return result;
    },

    rename: ({ id, name }) => {
      mustFind(id);
      store.rename(id, name, now());
      const row = mustFind(id);
      hub.publish('patterns.changed', { id, kind: 'renamed', latestVersion: row.latest_version });
      return toSummary(row);
    },

    duplicate: ({ id, name }) => {
      const source = mustFind(id);
      const doc = checkDocument(JSON.parse(source.document));
      const row = insertNew(name ?? `${source.name} copy`, doc, `Duplicated from "${source.name}"`);
      hub.publish('patterns.changed', { id: row.id, kind: 'duplicated', latestVersion: row.latest_version });
      return toDetail(row);
    },

    delete: ({ id }) => {
      if (!store.delete(id)) throw new CepError('not-found', `No pattern with id "${id}"`);
      hub.publish('patterns.changed', { id, kind: 'deleted', latestVersion: null });
    },

    versions: ({ id }) => {
      mustFind(id);
      const rows = store.versions(id);
      // Each version against the one before it (rows are newest first); unreadable ones say nothing.
      const docs = rows.map((r) => {
        const loaded = loadDocument(r.document);
        return loaded.ok ? loaded.document : null;
      });
      return rows.map((row, i) => {
        const before: PatternDocument | null | undefined = docs[i + 1];
        const after = docs[i];
        const summary =
          i === rows.length - 1 || !before || !after
            ? null
            : summarizeChanges(diffVersions(before, after)) || 'No change in meaning';
        return toVersionInfo(row, summary);
      });
    },

    labelVersion: ({ id, version, message }) => {
      mustFind(id);
      const label = message.trim() === '' ? null : message.trim();
      if (!store.setVersionMessage(id, version, label))
        throw new CepError('not-found', `Pattern "${id}" has no version ${version}`);
      const row = store.version(id, version);
      if (!row) throw new CepError('not-found', `Pattern "${id}" has no version ${version}`);
      hub.publish('patterns.changed', { id, kind: 'saved', latestVersion: mustFind(id).latest_version });
      return toVersionInfo(row);
    },

    getVersion: ({ id, version }) => {
      mustFind(id);
      const row = store.version(id, version);
      if (!row) throw new CepError('not-found', `Pattern "${id}" has no version ${version}`);
      const detail: PatternVersionDetail = {
        ...toVersionInfo(row),
        patternId: id,
        document: JSON.parse(row.document) as unknown,
      };
      return detail;
    },

    restoreVersion: ({ id, version }) => {
      mustFind(id);
      const row = store.version(id, version);
      if (!row) throw new CepError('not-found', `Pattern "${id}" has no version ${version}`);
      const result = commit(id, checkDocument(JSON.parse(row.document)), `Restored version ${version}`);
      hub.publish('patterns.changed', { id, kind: 'restored', latestVersion: result.pattern.latestVersion });
      return result;
    },
  };
}
