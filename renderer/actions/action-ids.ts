/**
 * Every command's id. Menus, tests and `appRegistry.run` refer to commands by id, so a typo is a type
 * error rather than a silent no-op. A feature adding a command adds its id here.
 */
export const ACTION_IDS = [
  // View
  'view.commandPalette',
  'view.toggleTheme',
  'view.themeSystem',
  'view.themeLight',
  'view.themeDark',
  'view.toggleSidebar',
  'view.toggleInspector',
  'view.toggleBottomPanel',
  'view.showProblems',
  'view.showReplay',
  'view.showResults',
  'view.autoLayout',
  'view.fitView',
  'view.focusCanvas',
  'view.focusInspector',
  'view.focusLibrary',
  'view.focusNextRegion',
  'view.focusPreviousRegion',
  // Designer
  'designer.showJson',
  'designer.showProperties',
  'designer.patternSettings',
  'designer.nextProblem',
  'designer.previousProblem',
  // Edit
  'edit.undo',
  'edit.redo',
  'edit.copy',
  'edit.cut',
  'edit.paste',
  'edit.duplicate',
  'edit.delete',
  'edit.selectAll',
  // Pattern
  'pattern.new',
  'pattern.open',
  'pattern.save',
  'pattern.saveLabelled',
  'pattern.refreshLibrary',
  'pattern.close',
  'pattern.rename',
  'pattern.duplicate',
  'pattern.delete',
  'pattern.openSampleGallery',
  'pattern.addStage',
  'pattern.addStageAfter',
  'pattern.addGroup',
  'pattern.connect',
  'pattern.selectNextStage',
  'pattern.selectPreviousStage',
  'pattern.history',
  'pattern.export',
  // File
  'file.openPatternFile',
  'file.savePatternFile',
  // Recordings and replay
  'recordings.import',
  'recordings.browse',
  'replay.stepForward',
  'replay.stepBack',
  'replay.toStart',
  'replay.toEnd',
  'replay.togglePlay',
  'replay.runToBreakpoint',
  'replay.close',
] as const;

export type ActionId = (typeof ACTION_IDS)[number];
