/**
 * The samples gallery: the back end's example patterns grouped by family, each with what it detects.
 * Choosing one copies it into the library with its recording and opens it. Mounted while open.
 */
import { useEffect, useState } from 'react';
import type { SampleFamily, SampleSummary } from '../../../electron/contract';
import { useApi } from '../../components/api-context';
import { Modal } from '../../recordings/Modal';
import { useLibraryUiStore } from './library-ui-store';
import { openSample } from './pattern-ops';

const FAMILY_TITLES: Record<SampleFamily, string> = {
  risk: 'Risk control',
  marketing: 'Marketing',
  monitoring: 'Monitoring',
};
const FAMILY_ORDER: SampleFamily[] = ['risk', 'marketing', 'monitoring'];

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; samples: SampleSummary[] }
  | { status: 'error'; message: string };

export function SampleGallery() {
  const api = useApi();
  const setOpen = useLibraryUiStore((s) => s.setGalleryOpen);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [opening, setOpening] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.samples.list().then(
      (samples) => live && setLoaded({ status: 'ready', samples }),
      (err: unknown) =>
        live && setLoaded({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const choose = async (slug: string) => {
    setOpening(slug);
    const ok = await openSample(api, slug);
    setOpening(null);
    if (ok) setOpen(false);
  };

  return (
    <Modal title="Sample gallery" testId="sample-gallery" size="lg" onClose={() => setOpen(false)}>
      {loaded.status === 'loading' && <p className="library-dialog-text">Loading samples…</p>}
      {loaded.status === 'error' && (
        <p className="library-dialog-text library-dialog-error" role="alert">
          Could not load the samples: {loaded.message}
        </p>
      )}
      {loaded.status === 'ready' &&
        FAMILY_ORDER.map((family) => {
          const inFamily = loaded.samples.filter((s) => s.family === family);
          if (inFamily.length === 0) return null;
          return (
            <section key={family} className="gallery-family" data-testid={`gallery-family-${family}`}>
              <h3 className="section-title">{FAMILY_TITLES[family]}</h3>
              <ul className="gallery-list">
                {inFamily.map((sample) => (
                  <li key={sample.slug}>
                    <button
                      type="button"
                      className="gallery-item"
                      data-sample-slug={sample.slug}
                      disabled={opening !== null}
                      onClick={() => void choose(sample.slug)}
                    >
                      <span className="gallery-item-name">{sample.name}</span>
                      <span className="gallery-item-text">{sample.description}</span>
                      <span className="gallery-item-meta">
                        {opening === sample.slug ? 'Opening…' : `Recording: ${sample.recordingFile}`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
    </Modal>
  );
}
