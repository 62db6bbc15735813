/** Read-only JSON view of a pattern document in Monaco, themed with the app. */
import Editor from '@monaco-editor/react';
import { JSON_LANGUAGE, registerJsonLanguage } from '../monaco/json-language';
import { monacoThemeName } from '../monaco/themes';
import { effectiveTheme, useUiStore } from '../state/ui-store';

registerJsonLanguage();

export function DocumentPreview({ document }: { document: unknown }) {
  const theme = useUiStore(effectiveTheme);
  return (
    <div className="document-preview" data-testid="document-preview">
      <Editor
        language={JSON_LANGUAGE}
        value={JSON.stringify(document, null, 2)}
        theme={monacoThemeName[theme]}
        loading={<div className="inspector-hint">Loading editor…</div>}
        options={{
          readOnly: true,
          minimap: { enabled: false },
          fontSize: 12,
          lineNumbers: 'off',
          folding: true,
          scrollBeyondLastLine: false,
          renderLineHighlight: 'none',
          automaticLayout: true,
          fontFamily: "'JetBrains Mono', 'Cascadia Code', Menlo, Consolas, monospace",
        }}
      />
    </div>
  );
}
