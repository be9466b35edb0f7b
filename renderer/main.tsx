// The shell's stylesheets come first, so the features' own sheets (imported by
// their components) can build on the tokens and override the base styles.
import './styles/tokens.css';
import './styles/base.css';
import './styles/dialog.css';
import './styles/toast.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/article.css';
import './styles/pdf.css';
import './styles/import.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyCachedAppearance } from './settings/appearance';
import { containLinks } from './link-guard';

applyCachedAppearance();
containLinks(window);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
