import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from './i18n';
import { desktop } from './service/desktop';
import { useAppSettings } from './stores/app-settings';
import { emit } from './stores/commands';
import { useFile } from './stores/file';
import { selectUploading, useSending } from './stores/sending';
import { useUi } from './stores/ui';
import type { Screen } from './stores/ui';
import { FirstRun } from './ui/FirstRun';
import { HistoryScreen } from './ui/HistoryScreen';
import { InspectScreen } from './ui/InspectScreen';
import { PracticeBadge } from './ui/PracticeBadge';
import { SendScreen } from './ui/SendScreen';
import { SettingsScreen } from './ui/SettingsScreen';
import { prepareReader } from './worker/read-file';

const SCREENS: readonly Screen[] = ['send', 'history', 'inspect', 'settings'];

export function App() {
  const { t } = useTranslation();
  const screen = useUi((state) => state.screen);
  const go = useUi((state) => state.go);
  const open = useFile((state) => state.open);
  const setup = useAppSettings((state) => state.settings?.setup);
  const uploading = useSending(selectUploading);
  const [dragging, setDragging] = useState(false);

  // Where sends go, and whether the person chose yet: asked of the Node side once.
  useEffect(() => {
    void useAppSettings.getState().load();
    void useSending.getState().loadProfiles();
  }, []);

  // Closing the page while a batch uploads asks first (a browser asks in its own words). The
  // desktop window asks in its main process, before the page is told (electron/main).
  useEffect(() => {
    if (!uploading || desktop() !== null) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [uploading]);

  // The desktop window's menu: open a file (also one the system opened with Sendsheet), export,
  // send. A browser has no menu and never calls this.
  useEffect(() => {
    const api = desktop();
    if (api === null) return;
    return api.onCommand((command) => {
      if (command.command === 'open') {
        useUi.getState().go('send');
        void useFile.getState().openPath(command.path);
        return;
      }
      // The send panel carries out Export and Send. The send screen is shown at once (flushSync)
      // so that the panel listens by the time the command is given; with no file open there is
      // no panel, and the command is dropped.
      flushSync(() => useUi.getState().go('send'));
      emit(command.command);
    });
  }, []);

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        if (screen !== 'send' || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
        // A file on its way: its reader starts loading while it is carried to the drop.
        prepareReader();
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={(event) => {
        if (screen !== 'send') return;
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) void open(file);
      }}
    >
      <header>
        <h1>{t('app.name')}</h1>
        <PracticeBadge />
        <nav aria-label={t('app.nav')}>
          {SCREENS.map((item) => (
            <button
              key={item}
              type="button"
              aria-current={screen === item ? 'page' : undefined}
              onClick={() => go(item)}
            >
              {t(`app.screens.${item}`)}
            </button>
          ))}
        </nav>
      </header>
      <main>
        {setup === null ? (
          <FirstRun />
        ) : (
          <>
            {screen === 'send' && <SendScreen />}
            {screen === 'history' && <HistoryScreen />}
            {screen === 'inspect' && <InspectScreen />}
            {screen === 'settings' && <SettingsScreen />}
          </>
        )}
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t('app.drop')}
        </div>
      )}
    </div>
  );
}
