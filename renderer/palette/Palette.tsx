import { useMemo, useState } from 'react';
import { layerDefinition } from '../../shared/layers/catalogue.js';
import { useEditor } from '../store/editorStore.js';
import { PaletteItem } from './PaletteItem.js';
import { FAMILY_LABELS, paletteGroups } from './paletteGroups.js';

/** Every catalogue kind by family, with search, plus the project's blocks. */
export function Palette() {
  const [search, setSearch] = useState('');
  const groups = useMemo(() => paletteGroups(search), [search]);
  const blocks = useEditor((s) => s.doc.blocks);
  const shownBlocks = blocks.filter((b) => b.name.toLowerCase().includes(search.toLowerCase()));

  return (
    <aside className="palette" aria-label="Layer palette">
      <div className="panel-heading">Layers</div>
      <input
        type="search"
        className="palette-search"
        placeholder="Search layers"
        aria-label="Search layers"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="palette-groups">
        {groups.map(({ family, kinds }) => (
          <section key={family} aria-label={FAMILY_LABELS[family]}>
            <h3 className="palette-family">{FAMILY_LABELS[family]}</h3>
            <ul>
              {kinds.map((kind) => {
                const { label, docs } = layerDefinition(kind);
                return (
                  <PaletteItem
                    key={kind}
                    item={`layer:${kind}`}
                    label={label}
                    docs={docs}
                    family={family}
                  />
                );
              })}
            </ul>
          </section>
        ))}
        {shownBlocks.length > 0 && (
          <section aria-label="Blocks">
            <h3 className="palette-family">Blocks</h3>
            <ul>
              {shownBlocks.map((block) => (
                <PaletteItem
                  key={block.id}
                  item={`block:${block.id}`}
                  label={block.name}
                  docs={`${block.nodes.length} layers, ${block.inputs.length} input${block.inputs.length === 1 ? '' : 's'}`}
                  family="block"
                />
              ))}
            </ul>
          </section>
        )}
        {groups.length === 0 && shownBlocks.length === 0 && (
          <p className="empty-note">No layer matches “{search}”.</p>
        )}
      </div>
    </aside>
  );
}
