import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { followLanguagePreference } from '@/stores/locale-preference';
import '@/components/app.css';
import '@/components/popup/popup.css';

followLanguagePreference();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);
