/**
 * The pattern library's commands and dialogs, mounted once by the shell (independent of the sidebar
 * being shown): list actions in the registry, the file chooser, delete confirmation, file problems,
 * the samples gallery, and the first-start welcome with its hints.
 */
import { useEffect } from 'react';
import { appRegistry } from '../../actions/app-registry';
import { useApi } from '../../components/api-context';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { FileProblemDialog } from './FileProblemDialog';
import { createLibraryActions } from './library-actions';
import { useLibraryUiStore } from './library-ui-store';
import { PatternFileInput } from './PatternFileInput';
import { SampleGallery } from './SampleGallery';
import { useReopenLast } from './use-reopen-last';
import { useWelcomeStart } from './use-welcome-start';
import { WelcomeHints } from './WelcomeHints';
import './library.css';

export function LibraryFeature() {
  const api = useApi();
  const galleryOpen = useLibraryUiStore((s) => s.galleryOpen);
  useEffect(() => appRegistry.register(...createLibraryActions(api)), [api]);
  useWelcomeStart(api);
  useReopenLast(api);
  return (
    <>
      <PatternFileInput />
      <ConfirmDeleteDialog />
      <FileProblemDialog />
      {galleryOpen && <SampleGallery />}
      <WelcomeHints />
    </>
  );
}
