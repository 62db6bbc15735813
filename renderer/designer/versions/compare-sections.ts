/**
 * The sections of a version comparison, in order. Each section gets both sides (a stored version or
 * the canvas) and renders what it compares: the change in meaning first. Another comparison (the
 * matches gained and lost on a recording, …) joins by adding an entry here.
 */
import type { ComponentType } from 'react';
import type { CepApi } from '../../../electron/contract';
import type { CompareSide } from './version-docs';
import { MeaningSection } from './MeaningSection';

export interface CompareSectionProps {
  api: CepApi;
  patternId: string;
  from: CompareSide;
  to: CompareSide;
}

export interface CompareSection {
  id: string;
  title: string;
  Component: ComponentType<CompareSectionProps>;
}

export const COMPARE_SECTIONS: CompareSection[] = [
  { id: 'meaning', title: 'What changed', Component: MeaningSection },
];
