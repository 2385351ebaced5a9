// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TipsSettings, type TipsSettingsApi } from '@/components/options/TipsSettings';
import { DEFAULT_TIPS_SETTINGS, type TipsSettingsValue } from '@/core/match/tips-policy';
import { useLocaleStore } from '@/stores/locale';

/** An in-memory stand-in for the background, validating like it does. */
function fakeApi(initial: TipsSettingsValue = DEFAULT_TIPS_SETTINGS) {
  let current = { ...initial };
  const saves: Partial<TipsSettingsValue>[] = [];
  const api: TipsSettingsApi = {
    load: async () => current,
    save: async (patch) => {
      if (patch.disabledHosts?.some((h) => !h.startsWith('sellercentral'))) throw new Error('bad host');
      saves.push(patch);
      current = { ...current, ...patch };
      return current;
    },
  };
  return { api, saves, current: () => current };
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
