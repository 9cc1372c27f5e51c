import { useEffect, useId, type ReactNode } from 'react';
import { uiStore } from '../store/uiStore.js';

/** A modal frame: title, body, buttons; Escape closes it. */
export function Modal({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
}) {
  const id = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) =>
      e.key === 'Escape' && uiStore.getState().set({ dialog: null });
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">{actions}</div>
      </div>
    </div>
  );
}

/** Closes whichever dialog is open. */
export const closeDialog = () => uiStore.getState().set({ dialog: null });
