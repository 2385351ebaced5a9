import { useT } from '@/components/i18n';
import { SELLER_DATA_KINDS } from '@/core/backup/schema';
import { countAdded } from '@/core/backup/merge';
import type { ImportPreview as Preview } from '@/storage/backup';
import { KIND_KEYS } from './backup-error-text';

/** What an import would add and what it leaves out as already there, before anything is written. */
export function ImportPreview({
  fileName,
  preview,
  busy,
  onConfirm,
  onCancel,
}: {
  fileName: string;
  preview: Preview;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const t = useT();
  const { plan, skippedLinks } = preview;
  const nothing = countAdded(plan) === 0;
  const rows = SELLER_DATA_KINDS.filter((kind) => plan.add[kind].length > 0 || plan.skipped[kind] > 0);
  return (
    <div className="sn-backup__preview" role="region" aria-label={t('backup_preview_heading', fileName)}>
      <h3>{t('backup_preview_heading', fileName)}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('backup_col_kind')}</th>
            <th scope="col">{t('backup_col_add')}</th>
            <th scope="col">{t('backup_col_skip')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((kind) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">{t(KIND_KEYS[kind])}</th>
              <td>{plan.add[kind].length}</td>
              <td>{plan.skipped[kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.add.bookmarks.length > 0 ? (
        <ul className="sn-backup__sample">
          {plan.add.bookmarks.slice(0, 10).map((b) => (
            <li key={b.id}>
              {b.title} <small>{b.url}</small>
            </li>
          ))}
          {plan.add.bookmarks.length > 10 ? <li>…</li> : null}
        </ul>
      ) : null}
      {skippedLinks > 0 ? <p>{t('backup_preview_links_skipped', skippedLinks)}</p> : null}
      {nothing ? <p>{t('backup_preview_nothing')}</p> : null}
      <div>
        {nothing ? null : (
          <button type="button" disabled={busy} onClick={onConfirm}>
            {t('backup_confirm')}
          </button>
        )}{' '}
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('backup_cancel')}
        </button>
      </div>
    </div>
  );
}
