import { useId, useState } from 'react';
import { useT } from '@/components/i18n';
import { checkImportSize } from '@/core/backup/schema';
import { countAdded } from '@/core/backup/merge';
import {
  applyImport,
  detectImportKind,
  exportBackupJson,
  exportBookmarksHtml,
  previewImport,
  type ImportPreview as Preview,
} from '@/storage/backup';
import { refreshTipsMirror } from '@/storage/tips-mirror';
import { backupErrorText } from './backup/backup-error-text';
import { ImportPreview } from './backup/ImportPreview';

function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the blob to the download; release it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const today = () => new Date().toISOString().slice(0, 10);

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Settings section: export everything the seller owns (versioned JSON) or their bookmarks (Netscape HTML), and
 * import either. An import is read and checked whole, shown as a preview, and written in one transaction only
 * when the seller confirms; a refused file changes nothing.
 */
export function ImportExportSettings() {
  const t = useT();
  const inputId = useId();
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState<{ fileName: string; preview: Preview } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const exportJson = () =>
    run(async () => {
      const name = `sellernav-backup-${today()}.json`;
      download(await exportBackupJson(), name, 'application/json');
      setStatus({ kind: 'ok', text: t('backup_exported', name) });
    }).catch((e: unknown) => setStatus({ kind: 'error', text: backupErrorText(t, e) }));

  const exportHtml = () =>
    run(async () => {
      const name = `sellernav-bookmarks-${today()}.html`;
      download(await exportBookmarksHtml(), name, 'text/html');
      setStatus({ kind: 'ok', text: t('backup_exported', name) });
    }).catch((e: unknown) => setStatus({ kind: 'error', text: backupErrorText(t, e) }));

  const readFile = (file: File) =>
    run(async () => {
      setPending(null);
      setStatus({ kind: 'ok', text: t('backup_reading') });
      try {
        checkImportSize(file.size);
        const text = await file.text();
        const preview = await previewImport(text, detectImportKind(file.name, text));
        setPending({ fileName: file.name, preview });
        setStatus(null);
      } catch (e) {
        setStatus({ kind: 'error', text: t('backup_refused', file.name, backupErrorText(t, e)) });
      }
    });

  const confirm = (incoming: Preview['incoming']) =>
    run(async () => {
      try {
        const written = await applyImport(incoming);
        // The Seller Central card reads a mirror of dismissals and tips settings: bring it up to date now.
        if (written.add.dismissedTips.length > 0 || written.add.settings.length > 0) {
          await refreshTipsMirror().catch(() => undefined);
        }
        setPending(null);
        setStatus({ kind: 'ok', text: t('backup_done', countAdded(written)) });
      } catch (e) {
        setStatus({ kind: 'error', text: backupErrorText(t, e) });
      }
    });

  return (
    <section aria-labelledby={`${inputId}-heading`} className="sn-backup">
      <h2 id={`${inputId}-heading`}>{t('backup_heading')}</h2>
      <p>{t('backup_intro')}</p>
      <div>
        <button type="button" disabled={busy} onClick={() => void exportJson()}>
          {t('backup_export_json')}
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => void exportHtml()}>
          {t('backup_export_html')}
        </button>
      </div>
      <p>
        <label htmlFor={inputId}>{t('backup_import')}</label>{' '}
        <input
          id={inputId}
          type="file"
          accept=".json,.html,.htm,application/json,text/html"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so choosing the same file again is a new choice.
            event.target.value = '';
            if (file) void readFile(file);
          }}
        />
      </p>
      <p>
        <small>{t('backup_import_hint')}</small>
      </p>
      {pending ? (
        <ImportPreview
          fileName={pending.fileName}
          preview={pending.preview}
          busy={busy}
          onConfirm={() => void confirm(pending.preview.incoming)}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {status ? (
        <p role={status.kind === 'error' ? 'alert' : 'status'} data-testid="backup-status">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
