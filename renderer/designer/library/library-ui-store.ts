/**
 * Session UI state of the pattern library: which item is being renamed, the pending delete
 * confirmation, the samples gallery and the last file that could not be opened.
 */
import { create } from 'zustand';

export interface DeleteCandidate {
  id: string;
  name: string;
}

export interface FileProblem {
  fileName: string;
  problems: string[];
}

interface LibraryUiState {
  renamingId: string | null;
  deleteCandidate: DeleteCandidate | null;
  galleryOpen: boolean;
  fileProblem: FileProblem | null;
  /** Bumped to ask the hidden file input to open the browser's file chooser. */
  filePickRequest: number;
  startRename: (id: string | null) => void;
  askDelete: (candidate: DeleteCandidate | null) => void;
  setGalleryOpen: (open: boolean) => void;
  setFileProblem: (problem: FileProblem | null) => void;
  requestFilePick: () => void;
}

export const useLibraryUiStore = create<LibraryUiState>()((set) => ({
  renamingId: null,
  deleteCandidate: null,
  galleryOpen: false,
  fileProblem: null,
  filePickRequest: 0,
  startRename: (renamingId) => set({ renamingId }),
  askDelete: (deleteCandidate) => set({ deleteCandidate }),
  setGalleryOpen: (galleryOpen) => set({ galleryOpen }),
  setFileProblem: (fileProblem) => set({ fileProblem }),
  requestFilePick: () => set((s) => ({ filePickRequest: s.filePickRequest + 1 })),
}));
