/** Mounted once by the shell: live validation of the working copy and the editors' commands. */
import { useEffect } from 'react';
import { appRegistry } from '../../actions/app-registry';
import { useLiveValidation } from '../../state/validation-store';
import { createEditorActions } from './editor-actions';

export function EditorsFeature() {
  useLiveValidation();
  useEffect(() => appRegistry.register(...createEditorActions()), []);
  return null;
}
