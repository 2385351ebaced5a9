import type { ItemKind } from '@/core/model';
import { useT } from '@/components/i18n';
import { useSearch } from '@/stores/search';

/** All / guides / tools: narrows the search results. */
export function KindFilter({ onChange }: { onChange: (kind: ItemKind | null) => void }) {
  const t = useT();
  const kind = useSearch((s) => s.kind);
  const options: [ItemKind | null, string][] = [
    [null, t('sidebar_filter_all')],
    ['guide', t('sidebar_filter_guides')],
    ['tool', t('sidebar_filter_tools')],
  ];
  return (
    <div className="sn-kind-filter" role="group" aria-label={t('sidebar_filter_label')}>
      {options.map(([value, label]) => (
        <button key={label} type="button" aria-pressed={kind === value} onClick={() => onChange(value)}>
          {label}
        </button>
      ))}
    </div>
  );
}
