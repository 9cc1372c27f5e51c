import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { MenuItem } from '../actions/contextMenus.js';

interface Props {
  /** Where the menu opens, in window pixels. */
  at: { x: number; y: number };
  label: string;
  items: MenuItem[];
  onClose(): void;
}

/**
 * A right-click menu: `role="menu"` with `menuitem`s, the first focused, arrow keys move,
 * Escape or a click elsewhere closes it.
 */
export function ContextMenu({ at, label, items, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [
      ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []),
    ];
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') buttons[(index + 1) % buttons.length]?.focus();
    else if (e.key === 'ArrowUp') buttons.at((index - 1) % buttons.length)?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  // Kept inside the window: a menu opened near the right or bottom edge opens leftwards/upwards.
  const left = Math.min(at.x, window.innerWidth - 220);
  const top = Math.min(at.y, window.innerHeight - 32 * items.length - 16);
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={label}
      style={{ left, top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          disabled={item.disabled}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          <span>{item.label}</span>
          {item.keys && <span className="context-menu-keys">{item.keys}</span>}
        </button>
      ))}
    </div>
  );
}
