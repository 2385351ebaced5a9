import { useState } from 'react';
import { useT } from '@/components/i18n';
import { useLocaleStore } from '@/stores/locale';
import { categoryName, type CategoryNode } from '@/stores/catalog';
import { formatHash } from '@/stores/router';

/** The catalog's categories, nested by parent, in the UI language, with how many items each holds. */
export function CategoryTree({ nodes }: { nodes: CategoryNode[] }) {
  const t = useT();
  if (nodes.length === 0) return <p className="sn-empty">{t('sidebar_categories_empty')}</p>;
  return (
    <ul className="sn-tree">
      {nodes.map((node) => (
        <CategoryBranch key={node.category.id} node={node} depth={0} />
      ))}
    </ul>
  );
}

function CategoryBranch({ node, depth }: { node: CategoryNode; depth: number }) {
  const t = useT();
  const language = useLocaleStore((s) => s.language);
  // Top levels start open so the seller sees the shape of the catalog; deeper levels wait for a click.
  const [open, setOpen] = useState(depth === 0);
  const name = categoryName(node.category, language);
  const hasChildren = node.children.length > 0;
  const childListId = `sn-cat-children-${node.category.id}`;
  return (
    <li>
      <div className="sn-tree__row">
        {hasChildren ? (
          <button
            type="button"
            className="sn-tree__toggle"
            aria-expanded={open}
            aria-controls={childListId}
            aria-label={t(open ? 'sidebar_category_collapse' : 'sidebar_category_expand', name)}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="sn-tree__spacer" />
        )}
        <a
          className="sn-tree__link"
          href={formatHash({ name: 'category', categoryId: node.category.id })}
          aria-label={t('sidebar_category_link', name, node.total)}
        >
          <span className="sn-tree__name">{name}</span>
          <span className="sn-tree__count" aria-hidden="true">
            {node.total}
          </span>
        </a>
      </div>
      {hasChildren && open ? (
        <ul id={childListId}>
          {node.children.map((child) => (
            <CategoryBranch key={child.category.id} node={child} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
