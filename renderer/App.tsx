import { useEffect, useState } from 'react';
import { openProject } from './actions/files.js';
import { api } from './api/index.js';
import { Dialogs } from './dialogs/Dialogs.js';
import { EditorView } from './EditorView.js';
import { useAutosave } from './hooks/useAutosave.js';
import { useMainEvents } from './hooks/useMainEvents.js';
import { useShortcuts } from './hooks/useShortcuts.js';
import { useUnloadGuard } from './hooks/useUnloadGuard.js';
import { useWindowState } from './hooks/useWindowState.js';
import { Toasts } from './panels/Toasts.js';
import { StartPage } from './start/StartPage.js';
import { useEditor } from './store/editorStore.js';
import { uiStore, useUi } from './store/uiStore.js';

/** The app: start page or editor, with dialogs and messages above; `data-app-state` tells tests it is ready. */
export function App() {
  const screen = useEditor((s) => s.screen);
  const theme = useUi((s) => s.theme);
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>('loading');
  const [error, setError] = useState<string>();
  useShortcuts();
  useAutosave();
  useMainEvents();
  useWindowState();
  useUnloadGuard();

  useEffect(() => {
    const request = api()['app.info']({});
    request.then(
      (info) => {
        uiStore.getState().set({ info });
        setState('loaded');
        if (info.openPath) openProject(info.openPath);
      },
      (e: Error) => {
        setError(e.message);
        setState('failed');
      },
    );
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app" data-app-state={state} data-theme={theme}>
      {state === 'failed' && (
        <div className="banner error" role="alert">
          Cannot reach Strata: {error}
        </div>
      )}
      {state !== 'loading' && (screen === 'editor' ? <EditorView /> : <StartPage />)}
      <Dialogs />
      <Toasts />
    </div>
  );
}
