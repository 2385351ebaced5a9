import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { GeneralSettings } from '@/components/options/GeneralSettings';
import { FeedsSettings } from '@/components/options/FeedsSettings';
import { TipsSettings } from '@/components/options/TipsSettings';
import { ImportExportSettings } from '@/components/options/ImportExportSettings';

// The settings page is a list of sections; each area owns its section component.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <GeneralSettings />
      <FeedsSettings />
      <TipsSettings />
      <ImportExportSettings />
    </main>
  </StrictMode>,
);
