/** Status bar: back-end connection, library size, the latest notice, and the theme in use. */
import { useLibraryStore } from '../state/library-store';
import { effectiveTheme, useUiStore } from '../state/ui-store';
import { ImportStatus } from '../recordings/ImportStatus';
import { Icon } from './Icon';
import './status-bar.css';

export function StatusBar() {
  const appInfo = useLibraryStore((s) => s.appInfo);
  const status = useLibraryStore((s) => s.status);
  const patternCount = useLibraryStore((s) => s.patterns.length);
  const error = useLibraryStore((s) => s.error);
  const theme = useUiStore(effectiveTheme);
  const preference = useUiStore((s) => s.themePreference);
  const notice = useUiStore((s) => s.notice);
  const connected = appInfo !== null && status !== 'error';

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span
        className="status-item"
        data-testid="status-connection"
        title={appInfo ? `Database: ${appInfo.databasePath}` : undefined}
      >
        <Icon name="plug" size={12} />
        {connected
          ? `${appInfo.host === 'electron' ? 'Desktop' : 'Web'} · v${appInfo.version}`
          : error
            ? `Back end unavailable (${error.code})`
            : 'Connecting…'}
      </span>
      {status === 'ready' && (
        <span className="status-item">
          {patternCount} {patternCount === 1 ? 'pattern' : 'patterns'}
        </span>
      )}
      {notice && (
        <span
          className={`status-item status-notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <Icon name={notice.kind === 'error' ? 'error' : 'info'} size={12} />
          {notice.text}
        </span>
      )}
      <ImportStatus />
      <span className="status-spacer" />
      <span className="status-item" data-testid="status-theme">
        {theme === 'dark' ? 'Dark' : 'Light'}
        {preference === 'system' ? ' (system)' : ''}
      </span>
    </footer>
  );
}
