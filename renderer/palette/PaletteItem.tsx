import { memo, useCallback, type DragEvent } from 'react';
import { viewportCentre } from '../actions/flow.js';
import { DRAG_KIND } from '../canvas/Canvas.js';
import { editorStore } from '../store/editorStore.js';

interface Props {
  /** `layer:Conv2D` or `block:<id>`. */
  item: string;
  label: string;
  docs: string;
  family: string;
}

/** One draggable palette entry; its accessible name is the layer's label. Double-click adds it. */
function PaletteItemView({ item, label, docs, family }: Props) {
  const onDragStart = useCallback(
    (event: DragEvent) => {
      event.dataTransfer.setData(DRAG_KIND, item);
      event.dataTransfer.effectAllowed = 'copy';
    },
    [item],
  );
  const add = useCallback(() => {
    const [type, value] = item.split(':', 2);
    const store = editorStore.getState();
    if (type === 'block') store.addNode('Block', viewportCentre(), { block: value });
    else store.addNode(value, viewportCentre());
  }, [item]);
  const descriptionId = `palette-docs-${item.replace(/[^A-Za-z0-9-]/g, '-')}`;

  return (
    <li>
      <button
        type="button"
        className={`palette-item family-${family}`}
        draggable
        onDragStart={onDragStart}
        onDoubleClick={add}
        onKeyDown={(e) => e.key === 'Enter' && add()}
        aria-label={label}
        aria-describedby={descriptionId}
        title={`${docs}\nDrag onto the canvas or double-click to add.`}
      >
        <span className="family-dot" />
        <span className="palette-item-label">{label}</span>
        <span className="palette-item-docs" id={descriptionId}>
          {docs}
        </span>
      </button>
    </li>
  );
}

export const PaletteItem = memo(PaletteItemView);
