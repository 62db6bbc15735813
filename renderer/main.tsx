// Order matters: the zod flag must be set before any module builds a schema.
import './boot/zod-jitless';
import './styles/tokens.css';
import './styles/base.css';
import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRegexEngine } from './boot/re2js-on-demand';
import { App } from './components/App';
import { applyInitialTheme } from './state/theme';

applyInitialTheme();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The regex engine is not needed to paint: fetch it once the page is idle (or on first use).
if ('requestIdleCallback' in window) window.requestIdleCallback(() => void loadRegexEngine());
else setTimeout(() => void loadRegexEngine(), 500);
