/** The generated text in a read-only Monaco editor with the target's language. */
import Editor from '@monaco-editor/react';
// Monaco's setup (through json-language) before the Java and SQL grammars: registering a language
// starts Monaco's services, which must find every contribution already imported.
import { registerJsonLanguage } from '../monaco/json-language';
import 'monaco-editor/languages/definitions/java/register';
import 'monaco-editor/languages/definitions/sql/register';
import { monacoThemeName } from '../monaco/themes';
import { effectiveTheme, useUiStore } from '../state/ui-store';

registerJsonLanguage();

export interface ExportPreviewProps {
  text: string;
  language: 'json' | 'java' | 'sql';
  fileName: string;
}

export function ExportPreview({ text, language, fileName }: ExportPreviewProps) {
  const theme = useUiStore(effectiveTheme);
  return (
    <div className="export-preview" data-testid="export-preview" data-language={language}>
      <Editor
        path={`cepheus://export/${fileName}`}
        language={language}
        value={text}
        theme={monacoThemeName[theme]}
        loading={<div className="export-hint">Loading editor…</div>}
        options={{
          readOnly: true,
          domReadOnly: true,
          minimap: { enabled: false },
          fontSize: 12,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          renderLineHighlight: 'none',
          wordWrap: 'off',
          fontFamily: "'JetBrains Mono', 'Cascadia Code', Menlo, Consolas, monospace",
        }}
      />
    </div>
  );
}
