import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/i18n.js';
import './app/styles.css';
import { App } from './app/app.js';
import { registerServiceWorker } from './lib/service-worker.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Spanish strings load on first use: render once the first language is in (English: at once).
void i18nReady.finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
registerServiceWorker();
