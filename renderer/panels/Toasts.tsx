import { useUi } from '../store/uiStore.js';

/** Short messages: why a connection was refused, what loading repaired, what failed. */
export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast ${t.tone}`}
          role={t.tone === 'error' ? 'alert' : 'status'}
        >
          {t.text}
        </div>
      ))}
    </div>
  );
}
