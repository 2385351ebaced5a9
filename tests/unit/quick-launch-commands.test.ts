import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerQuickLaunch } from '@/entrypoints/background/quick-launch';

/**
 * The toggle-sidebar command as the background wires it. Chrome opens a side panel only inside the command's
 * gesture, so `open` must be called synchronously; when the panel was already open, it is closed instead.
 */
type CommandListener = (command: string, tab?: { windowId?: number }) => void;
const commandListeners: CommandListener[] = [];
const sidePanel = { open: vi.fn(async () => undefined), close: vi.fn(async () => undefined) };
let openPanels: { contextType: string; windowId: number }[] = [];
const getContexts = vi.fn(async () => openPanels);

beforeAll(() => {
  fakeBrowser.reset();
  const event = () => ({
    addListener: () => undefined,
    removeListener: () => undefined,
    hasListener: () => false,
  });
  Object.assign(fakeBrowser.omnibox, {
    setDefaultSuggestion: () => undefined,
    onInputChanged: event(),
    onInputEntered: event(),
  });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  Object.assign(fakeBrowser.commands, {
    onCommand: { addListener: (l: CommandListener) => void commandListeners.push(l) },
  });
  Object.assign(fakeBrowser, { sidePanel });
  Object.assign(fakeBrowser.runtime, { getContexts });
  registerQuickLaunch();
});

beforeEach(() => {
  sidePanel.open.mockClear();
  sidePanel.close.mockClear();
});

const press = (command: string, windowId = 7) => commandListeners.forEach((l) => l(command, { windowId }));

test('toggle-sidebar opens the side panel of the window, synchronously inside the command', async () => {
  openPanels = [];
  press('toggle-sidebar');
  expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 7 });
  await vi.waitFor(() => expect(getContexts).toHaveBeenCalled());
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(sidePanel.close).not.toHaveBeenCalled();
});

test('toggle-sidebar closes the side panel when it was open', async () => {
  openPanels = [{ contextType: 'SIDE_PANEL', windowId: 7 }];
  press('toggle-sidebar');
  await vi.waitFor(() => expect(sidePanel.close).toHaveBeenCalledWith({ windowId: 7 }));
});

test('other commands do nothing here', () => {
  press('_execute_action');
  expect(sidePanel.open).not.toHaveBeenCalled();
});
