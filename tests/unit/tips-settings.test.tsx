// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TipsSettings, type TipsSettingsApi } from '@/components/options/TipsSettings';
import { DEFAULT_TIPS_SETTINGS, type HiddenGuide, type TipsSettingsValue } from '@/core/match/tips-policy';
import { useLocaleStore } from '@/stores/locale';

/** An in-memory stand-in for the background, validating like it does. */
function fakeApi(initial: TipsSettingsValue = DEFAULT_TIPS_SETTINGS, initialHidden: HiddenGuide[] = []) {
  let current = { ...initial };
  let hidden = [...initialHidden];
  const saves: Partial<TipsSettingsValue>[] = [];
  const api: TipsSettingsApi = {
    listHidden: async () => hidden,
    showAgain: async (guideId) => {
      hidden = hidden.filter((h) => h.guideId !== guideId);
      return hidden;
    },
    load: async () => current,
    save: async (patch) => {
      if (patch.disabledHosts?.some((h) => !h.startsWith('sellercentral'))) throw new Error('bad host');
      saves.push(patch);
      current = { ...current, ...patch };
      return current;
    },
  };
  return { api, saves, current: () => current, hidden: () => hidden };
}

beforeEach(() => useLocaleStore.setState({ language: 'en' }));

test('turns tips off and on, saving at once', async () => {
  const { api, current } = fakeApi();
  render(<TipsSettings api={api} />);
  const toggle = await screen.findByRole('checkbox', { name: 'Offer guides on Seller Central pages' });
  expect(toggle).toBeChecked();
  await userEvent.click(toggle);
  await waitFor(() => expect(current().enabled).toBe(false));
  expect(await screen.findByRole('status')).toHaveTextContent('Saved');
  // With tips off, the per-marketplace and frequency choices are disabled.
  expect(screen.getByRole('checkbox', { name: 'amazon.de' })).toBeDisabled();
});

test('turns tips off for one marketplace only', async () => {
  const { api, current } = fakeApi();
  render(<TipsSettings api={api} />);
  await userEvent.click(await screen.findByRole('checkbox', { name: 'amazon.de' }));
  await waitFor(() => expect(current().disabledHosts).toEqual(['sellercentral.amazon.de']));
  expect(screen.getByRole('checkbox', { name: 'amazon.de' })).not.toBeChecked();
  expect(screen.getByRole('checkbox', { name: 'europe.amazon.com' })).toBeChecked();
});

test('changes the frequency cap', async () => {
  const { api, current } = fakeApi();
  render(<TipsSettings api={api} />);
  const weekly = await screen.findByRole('radio', { name: 'At most once a week per guide' });
  expect(screen.getByRole('radio', { name: 'At most once a day per guide' })).toBeChecked();
  await userEvent.click(weekly);
  await waitFor(() => expect(current().cooldownMinutes).toBe(10080));
  expect(weekly).toBeChecked();
});

test('a refused change says so and keeps what was saved', async () => {
  const api: TipsSettingsApi = {
    listHidden: async () => [],
    showAgain: async () => [],
    load: async () => DEFAULT_TIPS_SETTINGS,
    save: async () => {
      throw new Error('database unavailable');
    },
  };
  render(<TipsSettings api={api} />);
  await userEvent.click(
    await screen.findByRole('checkbox', { name: 'Offer guides on Seller Central pages' }),
  );
  expect(await screen.findByRole('alert')).toHaveTextContent('Could not save: database unavailable');
  expect(screen.getByRole('checkbox', { name: 'Offer guides on Seller Central pages' })).toBeChecked();
});

const hiddenGuide = (over: Partial<HiddenGuide>): HiddenGuide => ({
  guideId: 'g',
  title: null,
  never: false,
  snoozedUntil: null,
  closedOnPages: 0,
  dismissedAt: 1,
  ...over,
});

test('lists hidden guides with why, and "show again" takes one off the list', async () => {
  const { api, hidden } = fakeApi(DEFAULT_TIPS_SETTINGS, [
    hiddenGuide({ guideId: 'guide-password-reset', title: 'Forgot your password', never: true }),
    hiddenGuide({
      guideId: 'guide-returns',
      title: 'Handling returns',
      snoozedUntil: Date.UTC(2031, 0, 2, 12),
    }),
    hiddenGuide({ guideId: 'guide-gone', closedOnPages: 2 }),
  ]);
  render(<TipsSettings api={api} />);
  const rows = await screen.findAllByTestId('tips-hidden-row');
  expect(rows.map((r) => r.textContent)).toEqual([
    expect.stringContaining('Never shown again'),
    expect.stringMatching(/Snoozed until .*2031/),
    expect.stringMatching(/guide-gone \(no longer in the catalog\).*Closed on 2 page/),
  ]);
  await userEvent.click(screen.getByRole('button', { name: 'Show again: Forgot your password' }));
  await waitFor(() => expect(screen.getAllByTestId('tips-hidden-row')).toHaveLength(2));
  expect(hidden().map((h) => h.guideId)).toEqual(['guide-returns', 'guide-gone']);
  expect(screen.getByTestId('tips-hidden-status')).toHaveTextContent(
    '“Forgot your password” will be offered again.',
  );
});

test('"show again" stays usable with tips turned off, and an empty list says what it is for', async () => {
  const { api } = fakeApi({ ...DEFAULT_TIPS_SETTINGS, enabled: false }, [
    hiddenGuide({ guideId: 'a', title: 'A guide', never: true }),
  ]);
  render(<TipsSettings api={api} />);
  await userEvent.click(await screen.findByRole('button', { name: 'Show again: A guide' }));
  expect(await screen.findByTestId('tips-hidden-empty')).toHaveTextContent('No hidden guides');
});

test('a failed "show again" says so and keeps the guide listed', async () => {
  const { api } = fakeApi(DEFAULT_TIPS_SETTINGS, [
    hiddenGuide({ guideId: 'a', title: 'A guide', never: true }),
  ]);
  api.showAgain = async () => {
    throw new Error('database unavailable');
  };
  render(<TipsSettings api={api} />);
  await userEvent.click(await screen.findByRole('button', { name: 'Show again: A guide' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Could not update the hidden guides: database unavailable',
  );
  expect(screen.getAllByTestId('tips-hidden-row')).toHaveLength(1);
});

test('the list is read again when the settings tab comes back into view', async () => {
  const { api } = fakeApi();
  let calls = 0;
  api.listHidden = async () => {
    calls += 1;
    return calls === 1
      ? []
      : [hiddenGuide({ guideId: 'later', title: 'Dismissed in another tab', never: true })];
  };
  render(<TipsSettings api={api} />);
  await screen.findByTestId('tips-hidden-empty');
  window.dispatchEvent(new Event('focus'));
  expect(await screen.findByText('Dismissed in another tab')).toBeInTheDocument();
});

test('two marketplaces turned off in quick succession both stay off (the second change does not undo the first)', async () => {
  const { api, current } = fakeApi();
  const realSave = api.save;
  const pending: (() => void)[] = [];
  // The background answers only when the test says so, as a busy service worker would.
  api.save = (patch) => new Promise((resolve) => pending.push(() => void realSave(patch).then(resolve)));
  render(<TipsSettings api={api} />);
  await userEvent.click(await screen.findByRole('checkbox', { name: 'amazon.de' }));
  await userEvent.click(screen.getByRole('checkbox', { name: 'amazon.fr' }));
  // Answer whatever the page has sent so far, until both choices are saved.
  await waitFor(() => {
    for (const answer of pending.splice(0)) answer();
    expect([...current().disabledHosts].sort()).toEqual([
      'sellercentral.amazon.de',
      'sellercentral.amazon.fr',
    ]);
  });
  expect(screen.getByRole('checkbox', { name: 'amazon.de' })).not.toBeChecked();
  expect(screen.getByRole('checkbox', { name: 'amazon.fr' })).not.toBeChecked();
});
