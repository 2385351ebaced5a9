import type { ItemKind } from '@/core/model';
import { useT } from '@/components/i18n';

/** "指南" / "工具": tells a guide (read here) from a tool (opens its site) at a glance. */
export function KindBadge({ kind }: { kind: ItemKind }) {
  const t = useT();
  return (
    <span className={`sn-badge sn-badge--${kind}`}>
      {kind === 'guide' ? t('shared_kind_guide') : t('shared_kind_tool')}
    </span>
  );
}
