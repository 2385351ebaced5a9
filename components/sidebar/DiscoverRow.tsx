import { useT } from '@/components/i18n';
import { LetterTile } from '@/components/shared/LetterTile';
import { displayHost } from '@/components/shared/format';
import type { ListRow } from '@/stores/catalog';

/**
 * A few tools the seller has not opened yet (the navigation site's "random sites" block, minus what the seller
 * already uses). Opening one takes it out of the row for good.
 */
export function DiscoverRow({ tools, onOpen }: { tools: ListRow[]; onOpen: (tool: ListRow) => void }) {
  const t = useT();
  if (tools.length === 0) return <p className="sn-empty">{t('sidebar_discover_empty')}</p>;
  return (
    <ul className="sn-discover">
      {tools.map((tool) => (
        <li key={tool.id}>
          <a
            href={tool.url ?? undefined}
            target="_blank"
            rel="noopener noreferrer"
            title={[tool.title, tool.summary, displayHost(tool.url)].filter(Boolean).join('\n')}
            onClick={() => onOpen(tool)}
          >
            <LetterTile name={tool.title} />
            <span className="sn-discover__name">{tool.title}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
