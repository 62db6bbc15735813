/** One-click light/dark switch. The menu and palette also offer "follow system". */
import { appRegistry } from '../actions/app-registry';
import { effectiveTheme, useUiStore } from '../state/ui-store';
import { Icon } from './Icon';

export function ThemeSwitch() {
  const theme = useUiStore(effectiveTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="icon-btn"
      data-testid="theme-switch"
      data-theme-current={theme}
      title={`Switch to ${next} theme`}
      aria-label={`Switch to ${next} theme`}
      onClick={() => void appRegistry.run('view.toggleTheme')}
    >
      <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
    </button>
  );
}
