import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { startSidebarSession } from '@/stores/sidebar-session';
import '@/components/app.css';

// One page for Chrome's side panel and Firefox's sidebar.
startSidebarSession();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidebarApp />
  </StrictMode>,
);
