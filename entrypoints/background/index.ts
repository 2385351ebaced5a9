import { registerSync } from './sync';
import { registerCatalog } from './catalog';
import { registerTips } from './tips';
import { registerQuickLaunch } from './quick-launch';

// MV3 may stop and restart the service worker at any time: every listener is registered synchronously, here,
// on each start, and no state lives in module variables.
export default defineBackground(() => {
  registerSync();
  registerCatalog();
  registerTips();
  registerQuickLaunch();
});
