// Order matters: the zod flag must be set before any module builds a schema.
import './boot/zod-jitless';
import './styles/tokens.css';
import './styles/base.css';
import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
