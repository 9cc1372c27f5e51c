import { memo, useCallback, type DragEvent } from 'react';
import { DRAG_KIND } from '../canvas/Canvas.js';
import { addFromPalette } from './addFromPalette.js';

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
  const add = useCallback(() => addFromPalette(item), [item]);
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
        title={`${docs}\nDrag onto the canvas or a connection; double-click or Enter adds it after the selected layer.`}
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
