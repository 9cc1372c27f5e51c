import {
  useCallback,
  useEffect,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { dragSize, readPanelState, type PanelLimits, type PanelState } from './panelSize.js';

interface Props {
  /** Names the panel in storage (`strata.panel.<id>`) and in tests (`panel-<id>`). */
  id: string;
  /** What the panel is called on its collapse button and resize handle. */
  title: string;
  side: 'left' | 'right' | 'bottom';
  limits: PanelLimits;
  children: ReactNode;
}

const storageKey = (id: string) => `strata.panel.${id}`;
const KEY_STEP = 16;

function remembered(id: string, limits: PanelLimits): PanelState {
  return readPanelState(globalThis.localStorage?.getItem(storageKey(id)) ?? null, limits);
}

/**
 * A panel beside (or under) the canvas that the user can resize by dragging or with the arrow
 * keys on its edge, and fold away; its size and state are remembered across sessions. Any
 * panel (palette, inspector, a data panel) goes in one of these.
 */
export function SidePanel({ id, title, side, limits, children }: Props) {
  const [state, setState] = useState(() => remembered(id, limits));
  useEffect(() => {
    globalThis.localStorage?.setItem(storageKey(id), JSON.stringify(state));
  }, [id, state]);

  const resize = useCallback((size: number) => setState((s) => ({ ...s, size })), []);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const origin = side === 'bottom' ? e.clientY : e.clientX;
    const start = state.size;
    const move = (m: globalThis.PointerEvent) =>
      resize(dragSize(start, (side === 'bottom' ? m.clientY : m.clientX) - origin, side, limits));
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grow = side === 'left' ? 'ArrowRight' : side === 'right' ? 'ArrowLeft' : 'ArrowUp';
    const shrink = side === 'left' ? 'ArrowLeft' : side === 'right' ? 'ArrowRight' : 'ArrowDown';
    if (e.key !== grow && e.key !== shrink) return;
    e.preventDefault();
    const delta = e.key === grow ? KEY_STEP : -KEY_STEP;
    resize(dragSize(state.size, side === 'left' ? delta : -delta, side, limits));
  };
  const toggle = () => setState((s) => ({ ...s, collapsed: !s.collapsed }));
  const vertical = side !== 'bottom';

  return (
    <div
      className={`side-panel side-panel-${side}${state.collapsed ? ' collapsed' : ''}`}
      data-testid={`panel-${id}`}
      style={state.collapsed ? undefined : { [vertical ? 'width' : 'height']: state.size }}
    >
      <button
        type="button"
        className="panel-collapse"
        aria-expanded={!state.collapsed}
        aria-label={state.collapsed ? `Show ${title}` : `Hide ${title}`}
        title={state.collapsed ? `Show ${title}` : `Hide ${title}`}
        onClick={toggle}
      >
        {collapseGlyph(side, state.collapsed)}
      </button>
      {!state.collapsed && (
        <>
          <div className="side-panel-body">{children}</div>
          <div
            className="panel-resizer"
            role="separator"
            tabIndex={0}
            aria-label={`Resize ${title}`}
            aria-orientation={vertical ? 'vertical' : 'horizontal'}
            aria-valuenow={state.size}
            aria-valuemin={limits.min}
            aria-valuemax={limits.max}
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
            onDoubleClick={() => resize(limits.initial)}
          />
        </>
      )}
    </div>
  );
}

function collapseGlyph(side: Props['side'], collapsed: boolean): string {
  const towards = { left: '‹', right: '›', bottom: '⌄' }[side];
  const away = { left: '›', right: '‹', bottom: '⌃' }[side];
  return collapsed ? away : towards;
}
